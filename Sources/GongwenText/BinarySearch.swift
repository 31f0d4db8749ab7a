extension RandomAccessCollection {
    /// The first index whose element satisfies `isAfter`, in a collection where every element
    /// that satisfies it comes after every element that does not (a sorted array of spans or
    /// offsets). `endIndex` when none does. Logarithmic.
    ///
    /// In the line starts `[0, 12, 30]`, `partitionPoint { $0 > 15 }` is 2: offset 15 is on line 2.
    @inlinable
    public func partitionPoint(where isAfter: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isAfter(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
