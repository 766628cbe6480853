import FoundationEssentials
import Glibc

/// The entry point both fuzz targets share. Fuzzing builds (`-DFUZZING`) hand control to libFuzzer's driver: SwiftPM
/// links executables with `main` aliased to the module's entry point, so libFuzzer's own `main` cannot be used.
/// Otherwise the target replays files through its checks (`Target FILE…`; a crash or failed precondition is a
/// finding), which is how `swift test` replays the regression corpus.
public enum FuzzEntry {
    /// The running target's check, for the C callback (which cannot capture). Set once, before the driver starts.
    nonisolated(unsafe) private static var check: ([UInt8]) -> Void = { _ in }

    public static func main(name: String, check: @escaping ([UInt8]) -> Void) -> Never {
        Self.check = check
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                    guard let data, size > 0 else { return 0 }
                    FuzzEntry.check(Array(UnsafeBufferPointer(start: data, count: size)))
                    return 0
                })
        #else
            var count = 0
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    fatalError("\(name): cannot read \(path)")
                }
                check([UInt8](data))
                count += 1
            }
            print("\(name): \(count) inputs replayed, all checks held")
            exit(0)
        #endif
    }
}

#if FUZZING
    /// libFuzzer's driver (compiler-rt), linked by `-sanitize=fuzzer`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif
