// A company's e-mail (R-CORP-4, R-CORP-5, R-CORP-13): parsed by GMime into sender, subject, date, text and
// attachments, then what it asks for and the numbers it names recognised.
#include "FuzzSupport.hpp"
#include "pos/corporate/InboundMailReader.hpp"
#include "pos/corporate/RequestRecogniser.hpp"

using namespace salon;
using namespace salon::pos::corporate;

SALON_FUZZ_INITIALIZE

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string in = fuzz::bytes(data, size);
    fuzz::refused_or_read([&] {
        const InboundMail mail = InboundMailReader::parse(in, "fuzz.eml");
        (void)RequestRecogniser().recognise(mail.subject, mail.body);
    });
    // The recogniser sees the text of any mail GMime could read: fed the raw bytes too, it meets text no
    // decoder cleaned up.
    fuzz::refused_or_read([&] {
        (void)RequestRecogniser().recognise(in.substr(0, in.size() / 4), in);
        (void)RequestRecogniser::numbers_in(in);
    });
    return 0;
}
