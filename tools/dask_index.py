#!/usr/bin/env python3
"""Index a corpus of policies on a Dask cluster: one `policyq index --shard K/N` task per
shard, each on whichever worker is free, then one `policyq merge` task joining the shard
databases into the database a single `policyq index` would build.

Dask distributed (Debian python3-distributed) schedules the tasks; this script only says
what they are. The workers need policyq, the corpus and the work folder at the same paths
(a shared or network file system), as with any cluster.

    tools/dask_index.py --scheduler tcp://scheduler:8786 --shards 64 --out corpus.db \
        --workdir /shared/shards /shared/policies/
    tools/dask_index.py --local-workers 2 --shards 4 --out corpus.db ./policies/   # this machine

Exit status 0 when every shard and the merge succeeded, 2 otherwise (each failure one line
on stderr, "policyq: error: …" as policyq prints it).
"""
import argparse
import os
import shutil
import subprocess
import sys


def failure(what, stderr):
    """policyq's one-line errors, each naming the task: "policyq: error: shard 2/4: FILE: …"."""
    prefix = "policyq: error: "
    lines = [l[len(prefix):] if l.startswith(prefix) else l for l in stderr.strip().splitlines()] or ["failed"]
    return "\n".join(prefix + what + ": " + l for l in lines)


def index_shard(policyq, paths, workdir, shard, count):
    """Runs on a worker: indexes share shard/count of paths into a database of its own.
    Returns (database, None), or (None, the error lines): a failure is an answer, not an
    exception, so that Dask does not log it as a crashed task."""
    db = os.path.join(workdir, "shard-%d-of-%d.db" % (shard, count))
    for stale in (db, db + "-journal"):
        if os.path.exists(stale):
            os.remove(stale)  # a shard of an earlier run: rebuilt whole, never mixed
    cmd = [policyq, "index", "-q", "-j", "1", "--db", db, "--shard", "%d/%d" % (shard, count)] + list(paths)
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        return None, failure("shard %d/%d" % (shard, count), run.stderr)
    return db, None


def merge_shards(policyq, out, shards):
    """Runs on a worker once every shard is done (Dask passes it their results)."""
    errors = [error for _, error in shards if error]
    if errors:
        return None, "\n".join(errors)
    run = subprocess.run([policyq, "merge", "-q", out] + [db for db, _ in shards], capture_output=True, text=True)
    if run.returncode != 0:
        return None, failure("merge", run.stderr)
    return out, None


def build(client, policyq, paths, out, workdir, shards):
    """The task graph: shards in parallel, the merge after them (Dask runs it when their
    results are in). Returns (merged path, None) or (None, error lines)."""
    futures = [client.submit(index_shard, policyq, paths, workdir, k, shards, pure=False)
               for k in range(1, shards + 1)]
    return client.submit(merge_shards, policyq, out, futures, pure=False).result()


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    where.add_argument("--local-workers", type=int, help="start a LocalCluster of this many worker processes")
    p.add_argument("--shards", type=int, required=True, help="how many shards (N of --shard K/N)")
    p.add_argument("--out", required=True, help="the merged database to build (must not exist)")
    p.add_argument("--workdir", help="where the shard databases go (default: beside --out)")
    p.add_argument("--policyq", default=shutil.which("policyq") or "policyq", help="the policyq binary")
    p.add_argument("paths", nargs="+", metavar="PATH", help="policy files and folders, as policyq index takes")
    args = p.parse_args(argv)
    if args.shards < 1:
        p.error("--shards: at least 1")
    args.out = os.path.abspath(args.out)
    args.workdir = os.path.abspath(args.workdir or os.path.dirname(args.out))
    args.paths = [os.path.abspath(x) for x in args.paths]
    args.policyq = os.path.abspath(args.policyq) if os.path.sep in args.policyq else args.policyq
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from dask.distributed import Client, LocalCluster

    os.makedirs(args.workdir, exist_ok=True)
    if args.local_workers:
        # Worker processes, one thread each: policyq itself is the work, in subprocesses.
        with LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            merged, error = build(client, args.policyq, args.paths, args.out, args.workdir, args.shards)
    else:
        with Client(args.scheduler) as client:
            merged, error = build(client, args.policyq, args.paths, args.out, args.workdir, args.shards)
    if error:
        print(error, file=sys.stderr)
        return 2
    return 0

if __name__ == "__main__":
    sys.exit(main())
