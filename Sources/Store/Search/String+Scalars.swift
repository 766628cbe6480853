extension String {
    /// The string of `scalars`. `String(String.UnicodeScalarView(scalars))` appends one scalar at a time, thousands
    /// of instructions for a word; search builds its keys by the thousand at start-up and a few per query word, so
    /// the scalars are encoded into the new string's UTF-8 storage in one pass instead.
    init(scalars: some Collection<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
