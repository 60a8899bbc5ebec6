#include "pos/corporate/AdministratorChange.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/CorporateDesk.hpp"

namespace salon::pos {

AdministratorChangeResult change_administrator(db::Database& db, const Actor& actor, std::int64_t client_id,
                                               const std::optional<ApplicationForm>& new_administrator) {
    require_corporate_desk(db, actor);
    const CalendarDate today = desk_today(db, actor);
    db::WriteTransaction tx(db);
    read_corporate_client(db, client_id);
    const auto active = active_application(db, client_id);
    if (!active)
        throw RefusedError(tr("Administrator change"),
                           tr("the company has no active remote-service application: file one instead"));
    if (!new_administrator && !valid_company_power_of_attorney(db, client_id, today.iso()))
        throw RefusedError(tr("Power of attorney"),
                           tr("a change for the company needs a valid power of attorney of its head on file"));
    if (new_administrator) {
        const Msisdn next = parse_input("admin_msisdn", [&] { return Msisdn::parse(new_administrator->admin_msisdn); });
        if (next.str() == active->admin_msisdn)
            throw InputError("admin_msisdn", tr("Administrator's number"), tr("is the current administrator's number"));
    }
    AdministratorChangeResult result;
    result.revoked_application_id = active->id;
    store_application_status(db, actor, *active, ApplicationStatus::revoked);
    const long long client = client_id, now = db.now();
    db.update("UPDATE corporate_cabinet SET admin_blocked_at = :now, updated_at = :now2 WHERE client_id = :c",
              soci::use(now), soci::use(now), soci::use(client));
    if (new_administrator) {
        ApplicationForm form = *new_administrator;
        form.client_id = client_id;
        // R-CORP-7: the service is free; the application says which one it replaces.
        result.new_application_id = store_application(db, actor, form, today, active->id);
    }
    actor.record(db, "corporate.admin.change", "corporate_client:" + std::to_string(client),
                 "blocked application=" + std::to_string(active->id) +
                     (result.new_application_id ? " new application=" + std::to_string(result.new_application_id) + " fee=0"
                                                : std::string()));
    tx.commit();
    return result;
}

}  // namespace salon::pos
