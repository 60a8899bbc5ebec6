// A trainer's Moodle XML question file (R-TRN-6): read with libxml2 into question forms and checked as the
// bank checks them (read_moodle_xml: everything of the import but the database), and a question's HTML
// turned into the kiosk's plain text.
#include "FuzzSupport.hpp"
#include "training/core/bank/MoodleXml.hpp"

using namespace salon;
using namespace salon::training;

SALON_FUZZ_INITIALIZE

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string in = fuzz::bytes(data, size);
    fuzz::refused_or_read([&] {
        const MoodleFile file = read_moodle_xml(in);
        for (const MoodleEntry& e : file.entries)
            if (e.form) {
                (void)plain_text(e.form->text);
                (void)e.form->body.dump();
            }
    });
    fuzz::refused_or_read([&] { (void)plain_text(in); });
    return 0;
}
