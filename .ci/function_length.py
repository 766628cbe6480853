#!/usr/bin/env python3
"""Lists every function-like body in Sources/**/*.swift longer than the limit, and exits 1 when there is one.

A body is a func, init, deinit, subscript, computed property or accessor (get, set, willSet, didSet); its length is
counted from the line of its declaration to the line of its closing brace. Closures are not bodies of their own:
their lines count towards the declaration that holds them.

Braces are matched on a masked copy of each file in which comments and string literals are blanked, so a brace in
"…", \"\"\"…\"\"\", #"…"#, // or /* */ never counts; interpolations (\\(…)) stay code, since they are code.

Usage: python3 .ci/function_length.py [--limit N] [paths…]   (default: every .swift file under Sources)
       python3 .ci/function_length.py --self-test            (runs .ci/function_length_test.py)
"""

import re
import sys
from pathlib import Path

LIMIT = 80
# The resumable parser is one deliberate state machine (DESIGN.md §2: a single forward pass); splitting it would
# scatter its states.
EXEMPT = {"Sources/Server/HTTP/RequestHeadParser.swift"}

BODY_KEYWORDS = {"func", "init", "deinit", "subscript"}
ACCESSOR_KEYWORDS = {"get", "set", "willSet", "didSet", "_read", "_modify"}
# A `var` after one of these binds a value in a statement (`if var`, `case var`, `for var`): not a property.
BINDING_CONTEXT = {"if", "guard", "while", "for", "case", "catch", ",", "(", "in"}
# Declarations that end a pending func/var without a body (a protocol requirement, a stored property).
OTHER_DECLARATIONS = {
    "let", "class", "struct", "enum", "protocol", "extension", "actor", "typealias", "associatedtype", "import",
}
# A line that ends with one of these continues the declaration on the next line.
CONTINUATION = {"=", ":", ",", "->", "(", "["}

STRING_OPEN = re.compile(r'(#*)("""|")')
TOKEN = re.compile(r"`[^`\n]*`|[A-Za-z_][A-Za-z0-9_]*|->|==|!=|<=|>=|\n|[{}()\[\];=.,:]|\S")


def mask(text):
    """Returns `text` with comments and string literals (delimiters included) replaced by spaces, newlines kept,
    so offsets and line numbers are unchanged. Interpolated code inside strings is kept."""
    out = list(text)
    n = len(text)

    def blank(start, end):
        for k in range(start, min(end, n)):
            if out[k] != "\n":
                out[k] = " "

    # Each frame is ["code", open parens] or ["string", hashes, multiline]. A code frame above a string frame is an
    # interpolation, which ends at its unmatched ")".
    stack = [["code", 0]]
    i = 0
    while i < n:
        frame = stack[-1]
        if frame[0] == "code":
            if text.startswith("//", i):
                end = text.find("\n", i)
                end = n if end < 0 else end
                blank(i, end)
                i = end
                continue
            if text.startswith("/*", i):
                end = _block_comment_end(text, i)
                blank(i, end)
                i = end
                continue
            opening = STRING_OPEN.match(text, i) if text[i] in '#"' else None
            if opening:
                blank(i, opening.end())
                stack.append(["string", len(opening.group(1)), opening.group(2) == '"""'])
                i = opening.end()
                continue
            c = text[i]
            if len(stack) > 1 and c == "(":
                frame[1] += 1
            elif len(stack) > 1 and c == ")":
                if frame[1] == 0:
                    blank(i, i + 1)
                    stack.pop()
                    i += 1
                    continue
                frame[1] -= 1
            i += 1
            continue
        _, hashes, multiline = frame
        escape = "\\" + "#" * hashes
        closing = ('"""' if multiline else '"') + "#" * hashes
        if text.startswith(escape, i):
            after = i + len(escape)
            if after < n and text[after] == "(":
                blank(i, after + 1)
                stack.append(["code", 0])
                i = after + 1
            else:
                blank(i, after + 1)  # the escape and the escaped character (\" \\ \n …)
                i = after + 1
            continue
        if text.startswith(closing, i):
            blank(i, i + len(closing))
            stack.pop()
            i += len(closing)
            continue
        if text[i] == "\n" and not multiline:
            stack.pop()  # an unterminated single-line string: recover at the end of the line
            i += 1
            continue
        blank(i, i + 1)
        i += 1
    return "".join(out)


def _block_comment_end(text, start):
    """The offset just past the block comment opening at `start`; Swift block comments nest."""
    depth = 0
    i = start
    while i < len(text):
        if text.startswith("/*", i):
            depth += 1
            i += 2
        elif text.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return len(text)


def bodies(text):
    """Yields (name, first line, last line) for every function-like body in Swift source `text`."""
    masked = mask(text)
    tokens = [(m.group(0), masked.count("\n", 0, m.start()) + 1) for m in TOKEN.finditer(masked)]
    frames = []  # one per open brace: (kind, name, first line, paren depth and pending declaration outside it)
    parens = 0
    pending = None  # a declaration waiting for its body: {"kind", "name", "line", "assigned"}
    previous = None
    for index, (token, line) in enumerate(tokens):
        after_dot = previous == "."
        if token == "\n":
            if pending and pending["kind"] == "var" and parens == 0 and previous not in CONTINUATION:
                pending = None
        elif token in ("(", "["):
            parens += 1
        elif token in (")", "]"):
            parens = max(parens - 1, 0)
        elif token in BODY_KEYWORDS and not after_dot and _next(tokens, index) != ":":
            name = token
            if token == "func":
                name = "func " + (_next(tokens, index) or "?")
            pending = {"kind": token, "name": name, "line": line, "assigned": False}
        elif token == "var" and not after_dot and previous not in BINDING_CONTEXT:
            pending = {"kind": "var", "name": "var " + (_next(tokens, index) or "?"), "line": line, "assigned": False}
        elif token in ACCESSOR_KEYWORDS and frames and frames[-1][0] == "accessors" and parens == 0:
            pending = {"kind": "accessor", "name": token, "line": line, "assigned": False}
        elif token in OTHER_DECLARATIONS and not after_dot:
            pending = None
        elif token == "=" and pending and parens == 0:
            pending["assigned"] = True
        elif token == ";" and parens == 0:
            pending = None
        elif token == "{":
            kind, name, first = "other", None, line
            if pending and parens == 0:
                kind = _body_kind(pending, _next(tokens, index, skip_newlines=True))
                name, first = pending["name"], pending["line"]
                pending = None
            # A brace inside a signature (a default-argument closure) keeps the declaration waiting for its body.
            frames.append((kind, name, first, parens, pending))
            parens, pending = 0, None
        elif token == "}":
            pending = None
            if frames:
                kind, name, first, parens, pending = frames.pop()
                if kind == "body":
                    yield name, first, line
        if token != "\n":
            previous = token


def _body_kind(pending, first_inside):
    """What a brace after a pending declaration opens: a body, a block of accessors, or (after `var x = `) a closure."""
    if pending["kind"] in ("var", "subscript") and first_inside in ACCESSOR_KEYWORDS:
        return "accessors"
    if pending["kind"] == "var" and pending["assigned"]:
        return "other"
    return "body"


def _next(tokens, index, skip_newlines=False):
    for token, _ in tokens[index + 1 :]:
        if token == "\n" and skip_newlines:
            continue
        return token
    return None


def long_bodies(root, paths, limit):
    """(path, name, first line, length) of every body over `limit`, in path and line order."""
    found = []
    for path in paths:
        relative = path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()
        if relative in EXEMPT:
            continue
        text = path.read_text(encoding="utf-8")
        for name, first, last in bodies(text):
            length = last - first + 1
            if length > limit:
                found.append((relative, name, first, length))
    return sorted(found, key=lambda entry: (entry[0], entry[2]))


def main(argv):
    if "--self-test" in argv:
        import unittest

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        suite = unittest.defaultTestLoader.loadTestsFromName("function_length_test")
        return 0 if unittest.TextTestRunner(verbosity=1).run(suite).wasSuccessful() else 1
    limit = LIMIT
    args = list(argv)
    if "--limit" in args:
        at = args.index("--limit")
        limit = int(args[at + 1])
        del args[at : at + 2]
    root = Path(__file__).resolve().parent.parent
    if args:
        paths = [Path(a) for a in args]
    else:
        paths = sorted(p.relative_to(root) for p in (root / "Sources").rglob("*.swift"))
        paths = [root / p for p in paths]
    found = long_bodies(root, paths, limit)
    if not found:
        print(f"function_length: every body in {len(paths)} files is at most {limit} lines")
        return 0
    print(f"function_length: {len(found)} bodies longer than {limit} lines (split them, or explain an exemption):")
    for path, name, first, length in found:
        print(f"{path}:{first}: {name} — {length} lines")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
