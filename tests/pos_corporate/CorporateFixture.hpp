// The desk's salon (DeskFixture) with the tariff catalog, the clock on a fixed day, and a company with three
// numbers on business tariffs, for the corporate core's tests.
#pragma once

#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"
#include "tests/pos_core/DeskFixture.hpp"

namespace salon::test {

// 2 December 2026, midday in Moscow.
inline std::int64_t corporate_test_noon() {
    return pos::CalendarDate::parse("2026-12-02", "date", tr("Date")).start_unix("Europe/Moscow") + 12 * 3600;
}

inline pos::CorporateClientForm romashka_form() {
    return {"7708123450", "1027700123450", "770801001", "ООО «Ромашка»", "К-2026/17", "15.03.2026", ""};
}
inline pos::CorporateClientForm sole_proprietor_form() {
    return {"771234567859", "318774600123452", "", "ИП Лебедев Олег Игоревич", "К-2026/18", "2026-04-01", ""};
}
inline pos::PowerOfAttorneyForm head_poa() {
    return {"power_of_attorney", "17-Д", "01.12.2026", "31.12.2027", "Генеральный директор Ромашкин А. А.",
            "Лисицына Мария Олеговна", ""};
}

struct CorporateFixture : DeskFixture {
    std::int64_t company = 0;
    CorporateFixture() {
        pos::import_tariff_catalog(db(), pos::builtin_tariff_catalog());
        db().set_clock(corporate_test_noon());
        company = pos::add_corporate_client(db(), cli, romashka_form());
        pos::add_corporate_number(db(), cli, company, {"+7 902 100-00-01", "alfa"});
        pos::add_corporate_number(db(), cli, company, {"89021000002", "Бета"});
        pos::add_corporate_number(db(), cli, company, {"9021000003", "vega"});
    }

    pos::ApplicationForm application(const std::string& admin = "+79021000001") {
        pos::ApplicationForm f;
        f.client_id = company;
        f.bound_email = "it@romashka.ru";
        f.admin_msisdn = admin;
        f.confirmation = "sms";
        f.poa = head_poa();
        return f;
    }

    // An application taken through the steps up to registered.
    std::int64_t active_application_until_registered(const std::string& admin = "+79021000001") {
        const auto id = pos::file_application(db(), specialist(), application(admin));
        for (auto s : {pos::ApplicationStatus::printed, pos::ApplicationStatus::signed_by_client,
                       pos::ApplicationStatus::registered})
            pos::advance_application(db(), specialist(), id, s);
        return id;
    }

    // An application taken through every step to active.
    std::int64_t active_application(const std::string& admin = "+79021000001") {
        const auto id = pos::file_application(db(), specialist(), application(admin));
        for (auto s : {pos::ApplicationStatus::printed, pos::ApplicationStatus::signed_by_client,
                       pos::ApplicationStatus::registered, pos::ApplicationStatus::active})
            pos::advance_application(db(), specialist(), id, s);
        return id;
    }
};

}  // namespace salon::test
