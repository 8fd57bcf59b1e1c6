/// Configs for the read-yaml differential test: every YAML 1.1 implicit type in each spelling,
/// duplicates, merges, anchors, nesting, complex keys and documents PyYAML refuses.
enum ReadYAMLCorpus {
    static let configs: [String] = [
        // Duplicates: the last value wins, the first key keeps its place.
        "a: 1\nb: 2\na: 3\n",
        "a: {x: 1}\nb: [1]\na: {y: 2}\nc: {a: 1, b: 2, a: 3}\n",
        "scale: 1\nscale: 2\nscale: 3\n",
        // Nested maps and lists, printed with json.dumps in file order.
        "m: {b: 1, a: [1, 2], c: {z: null, y: true}}\n",
        "m:\n  zeta: 1\n  alpha:\n    - 1\n    - [2, 3]\n    - {k: v}\n",
        "l: [[1, 2], 3, [a, 'b c'], {k: v}, {}]\n",
        "l:\n  - 1\n  - - 2\n    - 3\n  - x\n",
        "e: []\nf: {}\ng: ''\nh: \"\"\n",
        "nested: {a: {b: {c: {d: [1, {e: f}]}}}}\n",
        // Dates and timestamps.
        "d: 2021-01-02\nl: [2021-01-02, 2001-12-14t21:59:43.10-05:00]\n",
        "t1: 2001-12-14t21:59:43.10-05:00\nt2: 2001-12-14 21:59:43.10 -5\nt3: 2001-12-15T02:59:43.1Z\nt4: 2001-12-15 2:59:43.10\n",
        "t: 2002-12-14\nu: 2001-1-2 3:04:05\nv: 2001-12-14 21:59:43 +05:30\nw: 2020-02-29T00:00:00.123456789Z\n",
        "bad: 2021-13-01\n",
        "bad: 2021-02-30\n",
        "m: {d: 2021-01-02}\n",
        "l: [[2021-01-02], [2001-12-14 21:59:43 +01:00], [2001-12-14 21:59:43 -01:00], [2001-12-14T21:59:43Z]]\n",
        "notdate: 2021-1-2\nq: '2021-01-02'\n",
        // Floats in every YAML 1.1 spelling, and look-alikes that are strings.
        "a: 1.0\nb: -1.5\nc: +2.5\nd: 6.8523015e+5\ne: 685.230_15e+03\nf: 685_230.15\ng: 190:20:30.15\n",
        "a: .5\nb: 1.\nc: -.inf\nd: +.INF\ne: .Inf\nf: .nan\ng: .NaN\nh: .NAN\ni: -.Inf\n",
        "a: 1e3\nb: 1.0e3\nc: 1.0e+3\nd: 1E+3\ne: 1.5E-10\nf: 0.0001\ng: 0.00001\nh: 1e16\ni: 12345678901234567.0\n",
        "a: 1.0e+16\nb: 1.0e+15\nc: 0.1\nd: 3.14159265358979323846\ne: 1.7976931348623157e+308\nf: 1.0e+999\ng: 5.0e-324\nh: -0.0\n",
        "a: +.5\nb: -.5\nc: 1.5e3\nd: 1.5e+3\ne: .5e-3\nf: .5e3\ng: 1_.2_\nh: 1:60.5\ni: 1:5:9.\nj: +1:2.3\nk: 1e+3\nl: 0.e+1\n",
        "a: 0b_\nb: 0x_\nc: 1_\nd: -0b101\ne: +0x1f\nf: 0_7\ng: 09\nh: 1:05\ni: 1:5\nj: 1:65\nk: 1:\nl: :30\n",
        "a: 2021-01-02 \nb: 2021-01-02T3:04:05\nc: 2021-01-02t03:04:05.5 Z\nd: 2021-01-02 03:04:05+1\ne: 2021-01-02 03:04:05 -0130\nf: 2021-01-02  03:04:05\ng: 2021-1-02\n",
        "l: [1.0, .inf, .nan, -.inf, 0.1, 1.0e+20]\nm: {x: .nan, y: .inf, z: -.inf}\n",
        "a: 1_000.000_1\nb: 0.\nc: 00.5\nd: -0:30.5\ne: 1:2:3.5\n",
        // Integers: decimal, octal, hex, binary, base 60, big.
        "a: 0\nb: 012\nc: 0x1F\nd: 0b1010\ne: 1_000\nf: 190:20:30\ng: -0x_1\nh: +12\ni: -0\n",
        "big: 123456789012345678901234567890\nneg: -99999999999999999999\nhexbig: 0xFFFFFFFFFFFFFFFFFFFF\n",
        "a: 08\nb: 0o17\nc: 0b12\nd: 0x\ne: 1:60\nf: 1__2\n",
        "l: [0, 012, 0x10, 0b11, 1:30, 99999999999999999999]\n",
        // Booleans (yes/no/on/off in every case) and null.
        "a: yes\nb: No\nc: ON\nd: off\ne: True\nf: FALSE\ng: y\nh: n\ni: Yes\nj: NO\n",
        "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\ng: 'null'\n",
        "l: [yes, no, on, off, ~, null, true]\nm: {on: 1, off: 0, y: yes}\n",
        "yes: 1\nno: 2\non: 3\n'on': 4\nnull: 5\n1: 6\n",
        // Anchors, aliases and merge keys.
        "base: &b {x: 1, y: 2}\nother: *b\nl: [*b, *b]\n",
        "base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\n  z: 4\n",
        "a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc:\n  <<: [*a, *b]\n",
        "s: &s hello\nt: *s\nl: [*s, *s]\n",
        "l: &l [1, 2]\nm: [*l, *l]\n",
        "c:\n  <<: {x: 1}\n  <<: {x: 2, y: 3}\n",
        "bad:\n  <<: 1\n",
        // Complex keys: PyYAML refuses unhashable (list or map) keys.
        "? c:\n",
        "? [a, b]\n: 1\n",
        "{a: 1}: 2\n",
        "m: {? [1]: 2}\n",
        // Keys of other types.
        "1: a\n1.0: b\ntrue: c\nx: {1: a, 1.0: b, true: c, 2: d, null: e, 1.5: f}\n",
        "k: {2021-01-02: a}\n",
        // Strings, quoting and escapes.
        "s: \"tab\\there\"\nl: [\"a'b\", 'c\"d', \"both'\\\"\", \"nl\\nx\", \"\\u00e9\", \"\\x01\"]\n",
        "m: {q: \"a\\\"b\", u: \"caf\\u00e9 \\U0001F600\", c: \"\\x7f\\x1b\", s: \"/slash\"}\n",
        "block: |\n  line one\n  line two\nfolded: >\n  folded\n  text\n",
        "s: 'single '' quote'\nt: plain text here\nu: \"12\"\nv: '1.5'\n",
        "s: !!str 123\ni: !!int '42'\nf: !!float '1'\nb: !!bool yes\nn: !!null ''\n",
        "x: ! 12\ny: ! '12'\n",
        "u: 'é ü ß 中文'\nl: ['é', \"\\u200b\", \"\\u00a0\"]\n",
        "bin: !!binary aGVsbG8=\nl: [!!binary aGVsbG8=]\n",
        "unknown: !foo bar\n",
        "value: =\n",
        "=: 1\n",
        // Top-level shapes the Python tool cannot index.
        "- a\n- b\n",
        "just a string\n",
        "",
        "---\n",
        "a: 1\n---\nb: 2\n",
        "# comment only\n",
        // Malformed.
        "a: [1, 2\n",
        "a: b: c\n",
        "a: *missing\n",
        // Plain multi-line and special plain scalars.
        "s: a\n  b\n  c\nt: -\nu: <<x\nv: 1:2:3:x\n",
        "rec: &r [1, *r]\n",
        "l: [1, 'two', 3.0, null, true, {a: [1]}]\n",
    ]
}
