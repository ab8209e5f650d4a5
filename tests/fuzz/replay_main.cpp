// Replays a fuzz target's inputs without libFuzzer: calls LLVMFuzzerTestOneInput on every file
// of the folders given (the seed corpus and the regressions: every crash a fuzzer found), so
// the normal test suite runs them under each compiler and sanitizer. Fails when the folders
// hold no input at all, or when an input breaks an invariant (the target aborts).
#include "fuzz_common.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path dir(argv[i]);
        if (!fs::is_directory(dir))
            continue;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file() && entry.path().filename().string()[0] != '.')
                files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::cerr << "replay: no input in the folders given\n";
        return 1;
    }
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) {
            std::cerr << "replay: cannot open " << f << "\n";
            return 1;
        }
        std::string bytes;
        std::vector<char> chunk(1 << 16);
        while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
            bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (in.bad()) {
            std::cerr << "replay: cannot read " << f << "\n";
            return 1;
        }
        std::cerr << "replay: " << f.string() << " (" << bytes.size() << " bytes)\n";
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::cout << "replay: " << files.size() << " inputs, no failure\n";
    return 0;
}
