// What every fuzz target shares: the bytes as a string, a file holding them for the readers that take a
// path, and the rule that decides what a finding is. A reader may refuse any input with the project's own
// UserError (a ValidationError naming the field): that is the contract. Anything else escaping it (a
// std::out_of_range from a stoi, a bad_alloc, an abort) or any sanitizer report is a crash libFuzzer keeps.
#pragma once

#include "db/Text.hpp"
#include "db/UserError.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

namespace salon::fuzz {

inline std::string bytes(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

// One file per process, rewritten for every input: the readers of workbooks and mail take a path.
inline const std::string& scratch_file(const char* suffix) {
    struct Scratch {
        std::string path;
        ~Scratch() { std::remove(path.c_str()); }
    };
    static const Scratch file{"/tmp/salon-fuzz-" + std::to_string(getpid()) + suffix};
    return file.path;
}

inline const std::string& file_with(const std::string& content, const char* suffix) {
    const std::string& path = scratch_file(suffix);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return path;
}

// Runs `read` on the input; a UserError is the reader refusing it, which is fine. Its message is built as
// the station would show it, so the translation of every refusal runs too.
template <class Read>
void refused_or_read(Read&& read) {
    try {
        read();
    } catch (const UserError& e) {
        const std::string shown = e.what();
        (void)shown;
    }
}

}  // namespace salon::fuzz

// Messages in Russian, the language the station speaks first: its translations run on every refusal.
#define SALON_FUZZ_INITIALIZE                                                  \
    extern "C" int LLVMFuzzerInitialize(int*, char***) {                       \
        salon::set_language(salon::Language::russian);                         \
        return 0;                                                              \
    }
