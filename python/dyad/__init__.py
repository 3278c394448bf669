"""dyad: political event coding (who did what to whom, when and where) from news text.

    import dyad
    coder = dyad.Coder()                     # loads the dictionaries once
    coder.code("Russian Foreign Minister Sergei Lavrov met North Korea's foreign minister "
               "Choe Son-hui in Moscow on Friday.", date="2024-11-01")
    # -> [{"doc_id": "0", "sentence": 0, "source": {...}, "cameo": "040", ...}]

    for events in coder.code_many(texts_or_dicts):   # all cores, GIL released, input order
        ...

    dyad.extract(html)   # the article of an HTML page: title, text, blocks, ...
    dyad.parse(text)     # sentences and tokens (tags, lemmas, heads once the nlp stage runs)

Events are dicts in the shape `dyad code` prints (DESIGN.md); offsets are code points into the
document's extracted text, so ``text[start:end]`` is the span. The Dask runner for clusters is
``python3 -m dyad.dask`` (see docs/python.md).
"""

import itertools as _itertools
import threading as _threading

from . import _dyad
from ._dyad import Dictionary, Document, Reader, Store, expand_inputs, extract

__all__ = ["Coder", "Dictionary", "Document", "Reader", "Store", "code", "default_coder",
           "expand_inputs", "extract", "parse", "shared_coder", "__version__"]
__version__ = _dyad.__version__


class Coder(_dyad._Coder):
    """The coding pipeline over one dictionary set, loaded once; thread-safe.

    ``dict_dir``: None for the bundled dictionaries (or $DYAD_DATA), a directory, a list of
    directories, or a loaded ``dyad.Dictionary`` (shared between coders).
    ``keep_negated``: emit negated events flagged ``negated: true`` instead of dropping them.
    ``threads``: threads for ``code_many``/``process_many`` (0 = all cores).
    """

    def __init__(self, dict_dir=None, keep_negated=False, threads=0):
        super().__init__(dict_dir, bool(keep_negated), int(threads))
        # What a pickled Coder carries: its settings, not its tables (see __reduce__).
        self._spec = (None if dict_dir is None else tuple(self.dictionary.dirs),
                      bool(keep_negated), int(threads))

    def __reduce__(self):
        # A Coder sent to another process (a Dask task, a multiprocessing pool) arrives as
        # that process's shared Coder with the same settings, loaded there once.
        return (shared_coder, self._spec)

    def code(self, text, date=None, doc_id=None):
        """The events of one document as a list of dicts.

        ``text``: the article text (str); a dict with the fields of a JSONL input line (id, url,
        date, title, text or html, ...) is taken too. ``date``: its publication date
        (YYYY-MM-DD or datetime.date). TypeError for a non-str text, ValueError for a bad date.
        """
        return self.process(text, date, doc_id).events()

    def parse(self, text, date=None):
        """Sentences and tokens of a text after the pipeline has run on it (see dyad.parse)."""
        return _parse_result(self.process(text, date))

    def annotate(self, doc, date=None, doc_id=None):
        """Every layer of one document (text, blocks, sentences, tokens, actors, timexes,
        places, quotes, events), as `dyad annotate` prints it."""
        return self.process(doc, date, doc_id).to_dict()

    def process_many(self, docs, date=None, threads=None, batch=256):
        """Codes an iterable of documents (str, dicts as JSONL lines, or dyad.Document from a
        dyad.Reader) and yields each as a coded dyad.Document, in input order.

        Works ``batch`` documents at a time on ``threads`` threads (None: the coder's own
        setting; 0 = all cores) with the GIL released. ``date`` is the publication date taken
        by documents that give none. A str gets its position in the iterable as its id.
        """
        if batch < 1:
            raise ValueError("batch must be at least 1")
        it = iter(docs)
        index = 0
        while True:
            chunk = list(_itertools.islice(it, batch))
            if not chunk:
                return
            yield from self.process_batch(chunk, date, threads, index)
            index += len(chunk)

    def code_many(self, docs, date=None, threads=None, batch=256):
        """Yields the events (a list of dicts) of each document of ``docs``, in input order;
        see process_many for what ``docs`` may hold. ``list(coder.code_many(docs))`` for a
        list."""
        for doc in self.process_many(docs, date, threads, batch):
            yield doc.events()


_shared = {}
_shared_lock = _threading.Lock()


def shared_coder(dict_dirs=None, keep_negated=False, threads=0):
    """This process's Coder for these settings: made on first use, then the same object on
    every call (a Coder is thread-safe). ``dict_dirs``: None for the default dictionaries,
    or a sequence of directories."""
    key = (None if dict_dirs is None else tuple(dict_dirs), bool(keep_negated), int(threads))
    with _shared_lock:
        coder = _shared.get(key)
        if coder is None:
            coder = Coder(None if key[0] is None else list(key[0]), key[1], key[2])
            _shared[key] = coder
        return coder


def default_coder():
    """The shared Coder over the default dictionaries (see shared_coder)."""
    return shared_coder()


def code(text, date=None, doc_id=None):
    """The events of one text, coded with the default dictionaries (see Coder.code)."""
    return default_coder().code(text, date, doc_id)


def _parse_result(doc):
    d = doc.to_dict()
    return {"text": d["text"], "sentences": d["sentences"], "tokens": d["tokens"]}


def parse(text, date=None):
    """Sentences and tokens of ``text`` as the pipeline produced them.

    Returns ``{"text": ..., "sentences": [...], "tokens": [...]}``: the extracted text (the
    input split into paragraphs, page furniture such as donation appeals dropped) and spans as
    code-point offsets into it. A token has text, start, end, sentence, norm, and lemma, upos,
    xpos, head, deprel, which are None (head -1) until the pipeline runs a tagger and parser.
    """
    return _parse_result(default_coder().process(text, date))
