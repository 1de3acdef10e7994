#pragma once
// read(2) as the readers of input want it.
#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace declutter {

// Reads up to `size` bytes of `fd` into `into`, trying again when a signal interrupts the
// call: the bytes read, 0 at the end of the input, -1 on an error (errno says which).
inline ssize_t read_some(int fd, char* into, std::size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd, into, size);
    if (got >= 0 || errno != EINTR) return got;
  }
}

}  // namespace declutter
