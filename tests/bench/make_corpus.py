#!/usr/bin/env python3
"""Make a large corpus of policies for the scale benchmarks, outside the repository.

Usage: make_corpus.py SOURCE_DIR OUT_DIR [--count N] [--seed S]

Each output policy (policy-00000.md …) is a deterministic recombination of the source
policies (by default ../shared/data/policies) by section: its preamble comes from one
source, and each of its sections from a source picked by a seeded generator, so the same
arguments always give the same bytes. Sections are cut at ATX headings (`#`…) and setext
underlines; the file names are new. Nothing of the sources is copied into the repository:
the output goes where OUT_DIR says (use a folder under /tmp).
"""
import argparse, os, random, re, sys

HEADING = re.compile(r"^(#{1,6} .*|.*\n(=+|-+))$")


def sections(text):
    """The preamble and the sections of a Markdown text, split before each heading line."""
    lines = text.split("\n")
    cut = [0]
    for i, line in enumerate(lines):
        atx = line.startswith("#") and line.lstrip("#").startswith(" ")
        setext = i + 1 < len(lines) and lines[i + 1].strip() and set(lines[i + 1].strip()) <= {"=", "-"} and line.strip()
        if (atx or setext) and i > cut[-1]:
            cut.append(i)
    cut.append(len(lines))
    return ["\n".join(lines[a:b]) for a, b in zip(cut, cut[1:]) if b > a]


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    names = sorted(f for f in os.listdir(a.source) if f.endswith(".md"))
    if not names:
        sys.exit(f"make_corpus.py: error: {a.source}: no .md files")
    parts = []
    for n in names:
        with open(os.path.join(a.source, n), encoding="utf-8", errors="replace") as f:
            parts.append(sections(f.read()))
    os.makedirs(a.out, exist_ok=True)
    total = 0
    for i in range(a.count):
        rng = random.Random(a.seed * 1_000_003 + i)
        base = parts[i % len(parts)]
        doc = [base[0]]
        for _ in range(max(1, len(base) - 1)):
            src = parts[rng.randrange(len(parts))]
            if len(src) > 1:
                doc.append(src[rng.randrange(1, len(src))])
        text = "\n\n".join(doc) + "\n"
        with open(os.path.join(a.out, f"policy-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print(f"{a.count} policies, {total / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
