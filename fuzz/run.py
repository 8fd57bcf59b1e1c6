#!/usr/bin/env python3
"""Mutation fuzzer for the bpctl and neurocaas-contrib binaries (issue 16).

Seeds: the real blueprints in ../shared/blueprints, the JSON Schema suite's schemas and data in
../shared/json-schema-test-suite, the repository's examples, built .bpctl.yaml files and zips.
Each round mutates a seed (bytes, JSON structure, hostile values), runs one command with a
timeout and fails on a signal, a timeout, an exit code other than 0/1/2, or --format json
output that does not parse. Deterministic for a given --seed; a failing input is saved with
the command that reproduces it.

    fuzz/run.py --seconds 60                 # what CI runs (debug binaries from swift build)
    fuzz/run.py --seconds 3600 --seed 7 --bin .build/release
"""
import argparse
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile

warnings.filterwarnings("ignore", category=UserWarning, module="zipfile")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("BPCTL_SHARED", os.path.join(os.path.dirname(REPO), "shared"))

HOSTILE_STRINGS = [
    "", "{}" * 5000, "{a}" * 2000, "é" * 20000, "x" * 30000, "e\u0301" * 3000, "\u212aEY_NAME", "\u0000", "\ud7ff",
    "a" * 31 + "!", "(?:a|a?)+$", "^(a+)+$", "(" * 300 + "a" + ")" * 300, "[", "\\", "$(rm -rf /)", "'\"", "\n\r\t",
    "../../etc/passwd", "ami-" + "0" * 17, "p3.2xlarge" * 1000, "#/$defs/x", "%", "%25", "\u2028\u2029",
]
HOSTILE_KEYS = ["$ref", "$id", "$defs", "$anchor", "$dynamicRef", "$dynamicAnchor", "pattern", "patternProperties",
                "propertyNames", "not", "allOf", "anyOf", "oneOf", "if", "then", "else", "items", "prefixItems",
                "contains", "unevaluatedProperties", "unevaluatedItems", "dependentSchemas", "const", "enum",
                "café", "cafe\u0301", "PipelineName", "COMMAND", "INSTANCE_TYPE", "UserNames", "AffiliateName",
                "Metadata", "bpctl", "ignore", "rule", "reason", "path"]


def load_seeds():
    seeds = {"blueprint": [], "schema": [], "instance": [], "config": []}
    for root in [os.path.join(SHARED, "blueprints"), os.path.join(REPO, "examples")]:
        for d, _, files in os.walk(root):
            for f in files:
                if f.startswith("stack_config_template."):
                    with open(os.path.join(d, f), "rb") as fh:
                        seeds["blueprint"].append((f, fh.read()))
    suite = os.path.join(SHARED, "json-schema-test-suite", "tests", "draft2020-12")
    if os.path.isdir(suite):
        for f in sorted(os.listdir(suite)):
            if not f.endswith(".json"):
                continue
            with open(os.path.join(suite, f), "rb") as fh:
                try:
                    groups = json.load(fh)
                except ValueError:
                    continue
            for g in groups:
                seeds["schema"].append(json.dumps(g.get("schema"), ensure_ascii=False).encode())
                for t in g.get("tests", []):
                    seeds["instance"].append(json.dumps(t.get("data"), ensure_ascii=False).encode())
    with open(os.path.join(REPO, "schemas", "blueprint.schema.json"), "rb") as fh:
        seeds["schema"].append(fh.read())
    if not seeds["instance"]:
        seeds["instance"] = [b"{}", b"[]", b"1", b'"x"']
    seeds["config"] = [b"ignore:\n  - rule: BP144\n    reason: legacy\n", b"ignore: BP144\n",
                       b"ignore:\n  - rule: nope\n    path: '**/x'\n", b"a: &a [*a]\n"]
    return seeds


# ---------- mutations ----------

def mutate_bytes(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        i = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(i, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[i:i] = rng.choice([b"{", b"}", b"[", b"]", b'"', b",", b":", b"\\", b"\\u", b"\xc3", b"\xff", b"\n", b"-", b"&a", b"*a", b"? "])
        elif op == 2 and b:
            j = min(len(b), i + rng.randint(1, 64))
            del b[i:j]
        elif op == 3 and b:
            j = min(len(b), i + rng.randint(1, 256))
            b[i:i] = b[i:j] * rng.randint(1, 50)
        elif op == 4:
            b[i:i] = rng.choice(HOSTILE_STRINGS).encode("utf-8", "surrogatepass")[:4000]
        elif op == 5:
            depth = rng.randint(1, 300)
            b[i:i] = b"[" * depth + b"]" * depth
        else:
            b[i:i] = json.dumps(rng.choice(HOSTILE_KEYS)).encode()
    return bytes(b)


def hostile_value(rng, depth=0):
    r = rng.randrange(10)
    if r == 0:
        return rng.choice(HOSTILE_STRINGS)
    if r == 1:
        return rng.choice([0, -1, 1e308, 10 ** 30, 0.1, True, None])
    if r == 2 and depth < 4:
        return [hostile_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    if r == 3 and depth < 4:
        return {rng.choice(HOSTILE_KEYS): hostile_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    if r == 4:
        n = rng.choice([10, 1000, 20000])
        return {"k%d" % i: 1 for i in range(n)}
    if r == 5:
        n = rng.choice([10, 500, 3000])
        chain = {"d%d" % i: {"$ref": "#/$defs/d%d" % (i + 1)} for i in range(n)}
        chain["d%d" % n] = {"type": "string"}
        return {"$ref": "#/$defs/d0", "$defs": chain}
    if r == 6:
        return {"$id": rng.choice(["", "#", "x", "http://e/" + "x" * rng.choice([10, 40000])])}
    if r == 7:
        return {"pattern": rng.choice(HOSTILE_STRINGS)}
    return rng.choice(HOSTILE_STRINGS)


def walk(node, rng, budget=[0]):
    """Replace or add one random thing somewhere in a parsed JSON value."""
    if isinstance(node, dict) and node and rng.random() < 0.7:
        k = rng.choice(list(node.keys()))
        if rng.random() < 0.5:
            node[k] = walk(node[k], rng)
        elif rng.random() < 0.5:
            node[rng.choice(HOSTILE_KEYS)] = hostile_value(rng)
        else:
            node[k + rng.choice(["", "\u0301", "x"])] = node.pop(k)
        return node
    if isinstance(node, list) and node and rng.random() < 0.7:
        i = rng.randrange(len(node))
        node[i] = walk(node[i], rng)
        if rng.random() < 0.2:
            node.extend(node[: rng.randint(1, 5)] * rng.randint(1, 100))
        return node
    return hostile_value(rng)


def mutate_json(rng, data):
    try:
        value = json.loads(data)
    except ValueError:
        return mutate_bytes(rng, data)
    for _ in range(rng.randint(1, 4)):
        value = walk(value, rng)
    text = json.dumps(value, ensure_ascii=rng.random() < 0.3, indent=rng.choice([None, 2]))
    return text.encode("utf-8", "surrogatepass")


def mutate(rng, data):
    return mutate_json(rng, data) if rng.random() < 0.6 else mutate_bytes(rng, data)


def make_zip(rng):
    buf = io.BytesIO()
    method = rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
    top = rng.choice(["data", "data.zip", "d", "é", "x" * 200])
    with zipfile.ZipFile(buf, "w", method) as z:
        for i in range(rng.randint(1, 6)):
            name = rng.choice([top + "/f%d" % i, top + "/", top, "../evil", "/abs", top + "/a/../../b", "__MACOSX/x", "other/f"])
            z.writestr(name, bytes(rng.choice([0, 10, 5000, 200000])))
    b = buf.getvalue()
    return mutate_bytes(rng, b) if rng.random() < 0.5 else b


# ---------- running ----------

class Failure(Exception):
    pass


LAST = {"cmd": None}


def run(cmd, cwd, timeout):
    LAST["cmd"] = cmd
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                           stdin=subprocess.DEVNULL, env=dict(os.environ, AWS_EC2_METADATA_DISABLED="true", NO_COLOR="1"))
    except subprocess.TimeoutExpired:
        raise Failure("hang: still running after %s s" % timeout)
    if p.returncode < 0:
        raise Failure("killed by signal %s (%s)" % (-p.returncode, signal.Signals(-p.returncode).name))
    if p.returncode not in (0, 1, 2):
        raise Failure("exit %d: %s" % (p.returncode, p.stderr[-400:].decode("utf-8", "replace")))
    if b"Fatal error" in p.stderr or b"Backtrac" in p.stderr:
        raise Failure("stack trace on stderr: %s" % p.stderr[:400].decode("utf-8", "replace"))
    return p


def one_round(rng, seeds, binaries, work, timeout):
    """Build one case in `work`; returns the command. Raises Failure."""
    kind = rng.choice(["blueprint", "blueprint", "blueprint-yaml", "schema", "schema", "config", "zip", "special", "read-yaml"])
    bpctl, contrib = binaries
    if kind in ("blueprint", "blueprint-yaml"):
        name, data = rng.choice(seeds["blueprint"])
        if kind == "blueprint-yaml" or name.endswith((".yaml", ".yml")):
            name = "stack_config_template.yaml"
            data = mutate_bytes(rng, data)
        else:
            data = mutate(rng, data)
        with open(os.path.join(work, name), "wb") as fh:
            fh.write(data)
        fmt = rng.choice(["text", "json", "sarif", "github"])
        cmd = [bpctl, "validate", "--format", fmt, name]
        p = run(cmd, work, timeout)
        if fmt in ("json", "sarif"):
            try:
                json.loads(p.stdout)
            except ValueError as e:
                raise Failure("--format %s output does not parse: %s" % (fmt, e))
        return cmd
    if kind == "schema":
        schema = mutate(rng, rng.choice(seeds["schema"]))
        instance = mutate(rng, rng.choice(seeds["instance"])) if rng.random() < 0.7 else rng.choice(seeds["instance"])
        with open(os.path.join(work, "schema.json"), "wb") as fh:
            fh.write(schema)
        with open(os.path.join(work, "instance.json"), "wb") as fh:
            fh.write(instance)
        cmd = [bpctl, "validate", "--no-rules", "--schema", "schema.json", "instance.json"]
        run(cmd, work, timeout)
        return cmd
    if kind == "config":
        os.makedirs(os.path.join(work, "c"), exist_ok=True)
        with open(os.path.join(work, "c", "stack_config_template.json"), "wb") as fh:
            fh.write(rng.choice(seeds["blueprint"])[1])
        with open(os.path.join(work, "c", ".bpctl.yaml"), "wb") as fh:
            fh.write(mutate_bytes(rng, rng.choice(seeds["config"])))
        cmd = [bpctl, "validate", "c"]
        run(cmd, work, timeout)
        return cmd
    if kind == "read-yaml":
        yaml_seeds = [d for n, d in seeds["blueprint"] if n.endswith((".yaml", ".yml"))] + seeds["config"] + [
            b"a: &a [*a, *a]\nb: &b [*a, *a]\nc: [*b, *b]\nd: 1\n", b"? c:\n", b"? [a, b]\n: 1\nx: 2\n", b"t: !!python/tuple [1]\n"]
        with open(os.path.join(work, "config.yaml"), "wb") as fh:
            fh.write(mutate_bytes(rng, rng.choice(yaml_seeds)))
        field = rng.choice(["a", "b", "c", "d", "x", "t", "ignore", "PipelineName", "Lambda", "missing"])
        cmd = [contrib, "scripting", "read-yaml", "-p", "config.yaml", "-f", field] + (["-d", "none"] if rng.random() < 0.5 else [])
        run(cmd, work, timeout)
        return cmd
    if kind == "zip":
        with open(os.path.join(work, "in.zip"), "wb") as fh:
            fh.write(make_zip(rng))
        out = os.path.join(work, "out")
        os.makedirs(out, exist_ok=True)
        cmd = [contrib, "scripting", "parse-zip", "-z", "in.zip"] + (["-o", "out"] if rng.random() < 0.5 else [])
        run(cmd, work, timeout)
        if not os.path.exists(os.path.join(work, "in.zip")):
            raise Failure("parse-zip removed or replaced its input")
        return cmd
    # special files: FIFOs and folders where files are expected
    target = rng.choice(["fifo", "dir"])
    path = os.path.join(work, "stack_config_template.json")
    if target == "fifo":
        os.mkfifo(path)
    else:
        os.makedirs(path)
    cmd = rng.choice([[bpctl, "validate", "stack_config_template.json"], [bpctl, "validate", "."],
                      [contrib, "scripting", "parse-zip", "-z", "stack_config_template.json"]])
    run(cmd, work, timeout)
    return cmd


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60, help="how long to fuzz (default 60)")
    ap.add_argument("--seed", type=int, default=16, help="random seed (default 16: the same rounds every run)")
    ap.add_argument("--bin", default=os.path.join(REPO, ".build", "debug"), help="folder with bpctl and neurocaas-contrib")
    ap.add_argument("--timeout", type=float, default=20, help="seconds before a run counts as a hang")
    ap.add_argument("--crashes", default=os.path.join(REPO, ".fuzz-crashes"), help="where failing inputs are kept")
    args = ap.parse_args()
    bindir = os.path.abspath(args.bin)  # rounds run in their own temporary folders
    binaries = (os.path.join(bindir, "bpctl"), os.path.join(bindir, "neurocaas-contrib"))
    for b in binaries:
        if not os.access(b, os.X_OK):
            sys.exit("fuzz: %s is missing; run swift build first" % b)
    seeds = load_seeds()
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    rounds = 0
    while time.monotonic() < deadline:
        work = tempfile.mkdtemp(prefix="bpctl-fuzz-")
        try:
            one_round(rng, seeds, binaries, work, args.timeout)
            rounds += 1
        except Failure as f:
            os.makedirs(args.crashes, exist_ok=True)
            keep = os.path.join(args.crashes, "round-%d" % rounds)
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(work, keep, symlinks=True, ignore_dangling_symlinks=True,
                            ignore=lambda d, names: [n for n in names if not os.path.isfile(os.path.join(d, n)) and not os.path.isdir(os.path.join(d, n))])
            shown = " ".join(os.path.basename(c) if i == 0 else c for i, c in enumerate(LAST["cmd"] or []))
            print("fuzz: FAILED in round %d (seed %d): %s\n  command: (cd %s && %s)" % (rounds, args.seed, f, keep, shown), file=sys.stderr)
            sys.exit(1)
        finally:
            if os.path.isdir(work):
                shutil.rmtree(work, ignore_errors=True)
    print("fuzz: %d rounds in %.0f s, seed %d: no signal, hang or exit outside 0/1/2" % (rounds, args.seconds, args.seed))


if __name__ == "__main__":
    main()
