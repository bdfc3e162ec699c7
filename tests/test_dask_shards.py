#!/usr/bin/env python3
"""tools/dask_index.py on a LocalCluster of worker processes: the shards indexed by Dask
workers and merged by a Dask task answer exactly as one `policyq index` database.

usage: test_dask_shards.py POLICYQ SOURCE_DIR   (ctest passes both; exit 77: skipped)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def policyq(binary, *args):
    run = subprocess.run([binary] + list(args), capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


def write_corpus(folder, source_dir):
    os.makedirs(os.path.join(folder, "sub"))
    shutil.copy(os.path.join(source_dir, "corpus", "noip-privacy-policy.md"), os.path.join(folder, "noip.md"))
    verbs = ["do not sell", "sell", "may sell, with your consent,"]
    recipients = ["advertisers", "data brokers", "payment processors", "analytics providers", "our affiliates"]
    for i in range(6):
        name = os.path.join(folder, "sub" if i % 2 else "", "vendor%d.md" % i)
        with open(name, "w") as f:
            f.write("# Vendor %d Privacy Policy\n\n## Sharing\n\nWe %s your personal information to %s.\n\n"
                    "We share your email address with %s for the purposes of this policy.\n"
                    % (i, verbs[i % 3], recipients[i % 5], recipients[(i + 2) % 5]))


def main():
    binary, source_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    try:
        import distributed  # noqa: F401  (Debian python3-distributed, installed by .ci/deps)
    except ImportError:
        print("skipped: python3-distributed is not installed (bash .ci/deps installs it)")
        return SKIP
    sys.path.insert(0, os.path.join(source_dir, "tools"))
    import dask_index

    with tempfile.TemporaryDirectory(prefix="policyq_dask_") as tmp:
        corpus = os.path.join(tmp, "corpus")
        write_corpus(corpus, source_dir)
        single = os.path.join(tmp, "single.db")
        assert policyq(binary, "index", "-q", corpus, "--db", single)[0] == 0
        merged = os.path.join(tmp, "merged.db")
        status = dask_index.main(["--local-workers", "2", "--shards", "3", "--out", merged,
                                  "--workdir", os.path.join(tmp, "shards"), "--policyq", binary, corpus])
        assert status == 0, status
        shards = sorted(os.listdir(os.path.join(tmp, "shards")))
        assert shards == ["shard-1-of-3.db", "shard-2-of-3.db", "shard-3-of-3.db"], shards
        for cmd in (["ask", "--jsonl", "Do you sell my personal information?"],
                    ["ask", "--summary", "--json", "Who do you share my email address with?"],
                    ["search", "--json", "--limit", "5", "sell personal information"],
                    ["toc", "--json"]):
            want = policyq(binary, *cmd, "--db", single)
            got = policyq(binary, *cmd, "--db", merged)
            assert want[0] == 0 and got == want, (cmd, want, got)
        count = json.loads(policyq(binary, "ask", "--summary", "--json", "Do you sell my data?", "--db", merged)[1])
        assert count["policies"] == 7, count
        # A failing shard is one line on stderr and exit 2, and no merged database.
        failed = dask_index.main(["--local-workers", "1", "--shards", "2", "--out", os.path.join(tmp, "x.db"),
                                  "--policyq", binary, os.path.join(tmp, "missing")])
        assert failed == 2 and not os.path.exists(os.path.join(tmp, "x.db"))
    print("ok: 3 shards on 2 Dask worker processes, merged, answer as one database")
    return 0


if __name__ == "__main__":
    sys.exit(main())
