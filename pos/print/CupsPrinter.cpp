#include "pos/print/CupsPrinter.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"

#include <cups/cups.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace salon::pos {
namespace {

// cupsGetDests2's list, freed however the caller leaves.
struct Destinations {
    cups_dest_t* list = nullptr;
    int count = 0;
    Destinations() { count = cupsGetDests2(CUPS_HTTP_DEFAULT, &list); }
    ~Destinations() { cupsFreeDests(count, list); }
    Destinations(const Destinations&) = delete;
    Destinations& operator=(const Destinations&) = delete;
};

// CUPS's own words for the last failure, or a plain fallback.
std::string cups_reason() {
    const char* reason = cupsLastErrorString();
    return reason != nullptr && *reason != '\0' ? reason : tr("the print service does not answer").str();
}

}  // namespace

std::vector<std::string> cups_printers() {
    Destinations dests;
    std::vector<std::string> names;
    for (int i = 0; i < dests.count; ++i) {
        const cups_dest_t& d = dests.list[i];
        if (d.instance != nullptr) continue;
        if (d.is_default)
            names.insert(names.begin(), d.name);
        else
            names.emplace_back(d.name);
    }
    return names;
}

int print_pdf(const std::string& pdf_bytes, const std::string& printer, const std::string& title) {
    std::string destination = printer;
    {
        Destinations dests;
        const cups_dest_t* dest =
            cupsGetDest(destination.empty() ? nullptr : destination.c_str(), nullptr, dests.count, dests.list);
        if (dest == nullptr) {
            if (destination.empty())
                throw RefusedError(trf("Nothing was printed: no printer is set up at this station ({1}).",
                                       {cups_reason()}));
            throw RefusedError(trf("Nothing was printed: the printer \"{1}\" is not known to the print service ({2}).",
                                   {destination, cups_reason()}));
        }
        destination = dest->name;
    }
    // CUPS reads the job from a file: a private temporary one, removed whatever happens.
    char path[] = "/tmp/salon-print-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) throw RefusedError(tr("Nothing was printed: no temporary file for the print job."));
    close(fd);
    struct Remove {
        const char* path;
        ~Remove() { std::remove(path); }
    } remove_later{path};
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(pdf_bytes.data(), static_cast<std::streamsize>(pdf_bytes.size()));
        if (!out) throw RefusedError(tr("Nothing was printed: no temporary file for the print job."));
    }
    cups_option_t* options = nullptr;
    const int option_count = cupsAddOption("document-format", "application/pdf", 0, &options);
    const int job = cupsPrintFile(destination.c_str(), path, title.c_str(), option_count, options);
    cupsFreeOptions(option_count, options);
    if (job == 0)
        throw RefusedError(trf("Nothing was printed: the printer \"{1}\" refused the job ({2}).",
                               {destination, cups_reason()}));
    return job;
}

}  // namespace salon::pos
