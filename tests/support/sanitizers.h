#pragma once

// AddressSanitizer keeps freed memory in quarantine and pads every allocation: a process's resident
// size says little about what the program holds. Tests that bound memory skip that bound under it
// (the plain build checks it).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderAddressSanitizer = true;
#else
inline constexpr bool kUnderAddressSanitizer = false;
#endif
#else
inline constexpr bool kUnderAddressSanitizer = false;
#endif
