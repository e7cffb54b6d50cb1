/// Doubles `buffer` (holding `count` plain elements) until it holds `needed`: the one growth rule
/// of the buffers kept by hand on the attendance path (the CSV record and field ends, row batches,
/// the interner's arena and entries, participant columns), where `Array` cost a check per element.
func growBuffer<T: BitwiseCopyable>(_ buffer: inout UnsafeMutablePointer<T>, count: Int, capacity: inout Int, toHold needed: Int) {
    var bigger = max(1, capacity) * 2
    while bigger < needed { bigger *= 2 }
    let new = UnsafeMutablePointer<T>.allocate(capacity: bigger)
    new.update(from: buffer, count: count)
    buffer.deallocate()
    buffer = new
    capacity = bigger
}
