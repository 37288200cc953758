"""medspacy's ConText against the narrative scanner's own scope rules, on the EVODA dev split.

The same candidate matches (every pattern hit that its factor's `unless` allows) are kept or
dropped by ConText (negated, hypothetical, historical, family/other experiencer), by our NegEx
scope and experiencer rules, or by a mix, and the bench's figures are printed for each. medspacy
is not a dependency: run this from a separate virtual environment with medspacy installed
(spaCy's blank English pipeline, no model download), PYTHONPATH=src:bench.

    python bench/bench_evoda_context.py
"""
import contextlib
import io
import sys

import bench_evoda_eval
import medspacy
from loguru import logger

from frontdoor.screening import engine, text

logger.remove()  # PyRuSH's sentence splitter logs every token at DEBUG
FLAGS = ("is_negated", "is_hypothetical", "is_historical", "is_family")
NLP = medspacy.load(medspacy_enable=["medspacy_pyrush", "medspacy_context"])
CONTEXT = NLP.get_pipe("medspacy_context")


def _candidates(lexicon, narrative, names):
    document = text._Document(narrative, lexicon, names or {})
    for fid, pattern, unless in lexicon.entries:
        for match in pattern.finditer(document.folded):
            start, end = document.widen(*match.span())
            sentence_start, sentence_end = document._sentence_around(start)
            if unless is None or not unless.search(document.folded, sentence_start, sentence_end):
                yield fid, start, end, document


def _context_flags(doc, start, end, fid) -> set[str]:
    span = doc.char_span(start, end, label=fid, alignment_mode="expand")
    if span is None:
        return set()
    doc.ents = (span,)
    CONTEXT(doc)
    return {flag for flag in FLAGS if getattr(doc.ents[0]._, flag)}


def _keeps(mode, flags, ours_scope, ours_experiencer) -> bool:
    return {
        "context for everything": not flags,
        "context negation/hypothetical, our experiencer": not flags & set(FLAGS[:2]) and ours_experiencer,
        "our negation/hypothetical, context experiencer": ours_scope and not flags & set(FLAGS[2:]),
        "ours and context together": ours_scope and ours_experiencer and not flags,
    }[mode]


def _scanner(mode):
    def scan(lexicon, narrative, names=None, reference_year=None):
        if not narrative:
            return []
        doc, kept = NLP(narrative), []
        for fid, start, end, document in _candidates(lexicon, narrative, names):
            flags = _context_flags(doc, start, end, fid)
            if _keeps(mode, flags, document.stands(start, end, None),
                      document.about_the_parties_now(fid, start, reference_year)):
                kept.append((fid, start, end))
        return sorted(kept, key=lambda item: (item[1], item[2], item[0]))
    return scan


def _figures() -> str:
    sys.argv = ["bench_evoda_eval.py", "--split", "dev"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        bench_evoda_eval.main()
    return " | ".join(out.getvalue().splitlines()[1:4])


def main() -> None:
    print(f"ours: {_figures()}")
    for mode in ("context for everything", "context negation/hypothetical, our experiencer",
                 "our negation/hypothetical, context experiencer", "ours and context together"):
        engine.scan = _scanner(mode)
        print(f"{mode}: {_figures()}")
    engine.scan = text.scan


if __name__ == "__main__":
    main()
