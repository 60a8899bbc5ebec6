#include "pos/core/NumberStanding.hpp"

#include "db/Database.hpp"
#include "pos/core/FormInput.hpp"
#include "pos/core/Msisdn.hpp"

namespace salon::pos {

void require_number_not_blocked(db::Database& db, const Msisdn& number) {
    // corporate_number.msisdn is UNIQUE: one index probe, through the connection's prepared statement.
    std::string status;
    if (!db.run("SELECT status FROM corporate_number WHERE msisdn = :m", soci::use(number.str()),
                soci::into(status)))
        return;
    if (status == "blocked")
        throw InputError(
            "msisdn", tr("Number"),
            trf("{1} is blocked at its company's request: no top-up or SIM replacement until the "
                "company has it unblocked at the corporate desk",
                {number.display()}));
}

}  // namespace salon::pos
