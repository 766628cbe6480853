"""Unit tests for function_length.py's scanner; run with `python3 .ci/function_length.py --self-test`."""

import unittest

from function_length import bodies, mask


def spans(source):
    """{name: line count} of every body in `source`."""
    return {name: last - first + 1 for name, first, last in bodies(source)}


class MaskTests(unittest.TestCase):
    def test_mask_keepsLengthAndNewlines(self):
        source = 'let a = "x{"\n// }\n/* { */ let b = 1\n'
        masked = mask(source)
        self.assertEqual(len(masked), len(source))
        self.assertEqual(masked.count("\n"), source.count("\n"))
        self.assertNotIn("{", masked)
        self.assertNotIn("}", masked)

    def test_nestedBlockComments_areSkippedWhole(self):
        self.assertNotIn("}", mask("/* outer /* inner } */ still comment } */ x"))

    def test_escapedQuote_doesNotEndTheString(self):
        self.assertEqual(mask(r'"a\"}" + b').strip(), "+ b")

    def test_rawString_endsOnlyAtQuoteHash(self):
        self.assertEqual(mask('#"a " } \\"#.count').strip(), ".count")

    def test_multilineString_spansLines(self):
        source = 'let s = """\n  { "quoted" }\n  """\nlet t = 1'
        self.assertNotIn("{", mask(source))
        self.assertIn("let t = 1", mask(source))

    def test_interpolation_staysCode_withNestedStringsAndParens(self):
        masked = mask('"a \\(f(x, "}") { y }) b"')
        self.assertIn("f(x,", masked)
        self.assertIn("{ y }", masked)
        self.assertNotIn("a", masked.replace("f(x,", ""))

    def test_rawStringInterpolation_needsItsHashes(self):
        self.assertIn("{ v }", mask('#"\\#({ v }()) \\( not code }"#'))
        self.assertNotIn("not", mask('#"\\#({ v }()) \\( not code }"#'))


class BodyTests(unittest.TestCase):
    def test_func_countsFromDeclarationLineToClosingBrace(self):
        self.assertEqual(spans("func f() {\n    a()\n    b()\n}\n"), {"func f": 4})

    def test_bracesInStringsAndComments_doNotEndTheBody(self):
        source = 'func f() {\n    let s = "}"\n    // }\n    /* } */\n    let r = #"}"#\n}\nfunc g() {}\n'
        self.assertEqual(spans(source), {"func f": 6, "func g": 1})

    def test_wrappedSignature_withBraceOnItsOwnLine(self):
        source = "func request(\n    a: Int\n) -> Int\n{\n    a\n}\n"
        self.assertEqual(spans(source), {"func request": 6})

    def test_closures_countTowardTheirFunction_andAreNotBodies(self):
        source = "func f() {\n    xs.map { x in\n        x + 1\n    }\n}\n"
        self.assertEqual(spans(source), {"func f": 5})

    def test_defaultArgumentClosure_isNotTheBody(self):
        source = "func f(done: () -> Void = { }) {\n    done()\n}\n"
        self.assertEqual(spans(source), {"func f": 3})

    def test_initDeinitSubscript_areBodies_butInitCallsAreNot(self):
        source = (
            "struct S {\n    init(a: Int) {\n        self.init()\n    }\n    deinit {\n    }\n"
            "    subscript(i: Int) -> Int {\n        i\n    }\n}\n"
        )
        self.assertEqual(spans(source), {"init": 3, "deinit": 2, "subscript": 3})

    def test_protocolRequirements_haveNoBody(self):
        source = "protocol P {\n    func a()\n    var b: Int { get }\n    init()\n}\nfunc c() {\n}\n"
        self.assertEqual(spans(source), {"func c": 2})

    def test_computedProperty_isABody_andAccessorsAreEach(self):
        source = (
            "var a: Int {\n    1\n}\n"
            "var b: Int {\n    get {\n        1\n    }\n    set {\n    }\n}\n"
            "var c = 0 {\n    didSet {\n    }\n}\n"
        )
        self.assertEqual(spans(source), {"var a": 3, "get": 3, "set": 2, "didSet": 2})

    def test_closureInitializedProperty_isNotABody(self):
        self.assertEqual(spans("let t: [Int] = {\n    [1]\n}()\nvar u: Int = {\n    1\n}()\n"), {})

    def test_statementBindings_areNotProperties(self):
        source = "func f() {\n    if var x = y {\n        x += 1\n    }\n    for var z in zs {\n    }\n}\n"
        self.assertEqual(spans(source), {"func f": 7})

    def test_storedPropertyFollowedByAStatement_isNotABody(self):
        source = "func f() {\n    var x: Int\n    while go() {\n    }\n}\n"
        self.assertEqual(spans(source), {"func f": 5})

    def test_nestedFunctions_areEachCounted(self):
        source = "func outer() {\n    func inner() {\n    }\n}\n"
        self.assertEqual(spans(source), {"func outer": 4, "func inner": 2})


if __name__ == "__main__":
    unittest.main()
