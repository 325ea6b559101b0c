"""Measure the line-role model alone (no spaCy pipeline) on gold folders: role accuracy,
boilerplate P/R, headline line found, the confusion matrix and milliseconds per page.

`python training/line_model_eval.py ../shared/dev ../shared/examples`. The dev set measures;
it is never used to train or tune (../shared/dev/README.md).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from quellenlage.eval.gold import load_gold_dir
from quellenlage.eval.lines import confusion_table, line_scores
from quellenlage.structure import LineClassifier


def main(argv: list[str]) -> int:
    classifier = LineClassifier()
    for folder in argv:
        pairs = load_gold_dir(Path(folder))
        confusion: Counter[tuple[str, str]] = Counter()
        found = 0
        elapsed = 0.0
        for name, text, gold in pairs:
            t0 = time.process_time()
            lines = classifier.classify(text)
            elapsed += time.process_time() - t0
            predicted = {line.index: line.role for line in lines}
            page = line_scores(gold.get("lines", {}), predicted)
            confusion.update(page.confusion)
            found += page.headline_found
            wrong = [(i, g, predicted.get(int(i))) for i, g in gold["lines"].items() if predicted.get(int(i)) != g]
            if "-v" in sys.argv:
                for i, g, p in wrong:
                    print(f"  {name} {i}: gold {g} pred {p}  {text.split(chr(10))[int(i)][:90]}")
        total = sum(confusion.values())
        correct = sum(n for (g, p), n in confusion.items() if g == p)
        tp = confusion[("boilerplate", "boilerplate")]
        n_pred = sum(n for (g, p), n in confusion.items() if p == "boilerplate")
        n_gold = sum(n for (g, p), n in confusion.items() if g == "boilerplate")
        print(f"{folder}: {len(pairs)} pages, line roles {correct / total:.3f} ({correct}/{total}), "
              f"boilerplate P {tp / max(1, n_pred):.3f} R {tp / max(1, n_gold):.3f}, "
              f"headline line found {found}/{len(pairs)}, {1000 * elapsed / len(pairs):.1f} ms/page")
        print(confusion_table(confusion))
    return 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:] if not a.startswith("-")]))
