extension RandomAccessCollection {
    /// The first index whose element satisfies `predicate`, for a predicate that is false for a
    /// prefix of the collection and true for the rest; `endIndex` when none does.
    ///
    /// `[3, 8, 15, 40].partitioningIndex { $0 >= 10 }` is 2 (the offset of `15`).
    public func partitioningIndex(where predicate: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try predicate(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
