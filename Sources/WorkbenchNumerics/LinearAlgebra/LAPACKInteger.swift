/// Converts a dimension to LAPACK's 32-bit `int` (Debian's OpenBLAS is LP64).
@usableFromInline
func lapackInt(_ value: Int, routine: String) throws(LinearAlgebraError) -> Int32 {
    guard let converted = Int32(exactly: value) else {
        throw .tooLarge(routine: routine, size: value)
    }
    return converted
}

/// Maps LAPACK's `info < 0` to a typed error; callers handle `info > 0` themselves.
@usableFromInline
func checkIllegalArgument(_ info: Int32, routine: String) throws(LinearAlgebraError) {
    if info < 0 { throw .illegalArgument(routine: routine, position: Int(-info)) }
}

/// The ASCII code of a LAPACK option letter such as `"V"` or `"U"`.
@usableFromInline
func lapackFlag(_ letter: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: letter)) }
