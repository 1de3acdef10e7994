#pragma once
// A line's byte-class signature: one bit for each class of bytes it contains (each folded
// ASCII letter, ASCII digits, each ASCII punctuation mark, the space, non-ASCII bytes), found
// in one table-driven pass. A regex whose every match needs a ':' or a digit is ruled out
// by one AND against it (regex/pattern_analysis.h: subject_limits derives those needs).
//
// Classes are chosen so that a byte sets every class a character containing it may stand
// for: the letters k and s are also set by the last bytes of the Kelvin sign (E2 84 AA) and
// the long s (C5 BF), which match k and s caselessly; "digit or non-ASCII" stands for \d,
// which matches digits of every script under UCP.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace declutter {

using ByteClasses = std::uint64_t;

namespace byte_class {
inline constexpr ByteClasses kDigit = 1ULL << 26;
inline constexpr ByteClasses kDigitOrNonAscii = 1ULL << 27;
inline constexpr ByteClasses kNonAscii = 1ULL << 28;
inline constexpr ByteClasses kLetters = (1ULL << 26) - 1;  // a..z, one class each
inline constexpr ByteClasses kSpace = 1ULL << 61;
// Set by no byte: marks a value as worked out (a line without any class is not 0 then).
inline constexpr ByteClasses kComputed = 1ULL << 63;
// The class of an ASCII character: its letter (folded), digit, punctuation mark or the
// space; 0 for control characters, and for bytes past ASCII.
ByteClasses of_ascii(unsigned char c);
}  // namespace byte_class

// The classes of the bytes of `subject`.
ByteClasses byte_classes(std::string_view subject);

}  // namespace declutter
