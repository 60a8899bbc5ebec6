// Every identifier validator on the same bytes (R-POS-1: numbers, ICCID, IMEI; a company's INN, KPP, OGRN,
// OGRNIP; a client's passport): what a person types or pastes into a field, or a file's cell holds.
#include "FuzzSupport.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Imei.hpp"
#include "pos/core/identifiers/Inn.hpp"
#include "pos/core/identifiers/Kpp.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/Ogrn.hpp"
#include "pos/core/identifiers/Ogrnip.hpp"
#include "pos/core/identifiers/Passport.hpp"

using namespace salon;
using namespace salon::pos;

SALON_FUZZ_INITIALIZE

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string in = fuzz::bytes(data, size);
    fuzz::refused_or_read([&] {
        const Msisdn m = Msisdn::parse(in);
        // What parse() gives is what the database keeps and reads back: it must read back the same.
        if (!(Msisdn::stored(m.str()) == m)) __builtin_trap();
    });
    fuzz::refused_or_read([&] { (void)Msisdn::stored(in); });
    fuzz::refused_or_read([&] { (void)Iccid::parse(in); });
    fuzz::refused_or_read([&] { (void)Imei::parse(in); });
    fuzz::refused_or_read([&] { (void)Inn::parse(in); });
    fuzz::refused_or_read([&] { (void)Inn::parse_legal_entity(in); });
    fuzz::refused_or_read([&] { (void)Inn::parse_individual(in); });
    fuzz::refused_or_read([&] { (void)Kpp::parse(in); });
    fuzz::refused_or_read([&] { (void)Ogrn::parse(in); });
    fuzz::refused_or_read([&] { (void)Ogrnip::parse(in); });
    fuzz::refused_or_read([&] {
        const Passport p = Passport::parse(in);
        (void)p.series();
        (void)p.number();
    });
    return 0;
}
