// Two companies as the corporate desk keeps them, written straight into the schema (migration 11) so the
// request tests depend on nothing but the tables: «Ромашка» (a legal entity) with three numbers, a power of
// attorney and an active remote-service application bound to office@romashka.example, and a sole
// proprietor bound to sidorov@ip-sidorov.example with one number.
#pragma once

#include "db/Database.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/support/TestDatabase.hpp"

#include <string>

namespace salon::test {

struct RequestsFixture {
    explicit RequestsFixture(db::Database& db) {
        pos::import_tariff_catalog(db, pos::builtin_tariff_catalog());
        db.run("SELECT id FROM tariff WHERE segment = 'business' ORDER BY id LIMIT 1", soci::into(tariff));
        db::WriteTransaction tx(db);
        romashka = client(db, "legal_entity", "7707083893", "1027700132195", "773601001", "ООО «Ромашка»");
        sidorov = client(db, "sole_proprietor", "500100732259", "304500116000157", "", "ИП Сидоров И. И.");
        for (const char* m : {"+79123456789", "+79123456780", "+79123456781"}) number(db, romashka, m);
        number(db, sidorov, "+79123450001");
        const long long poa = power_of_attorney(db, romashka, "2020-01-01", "2099-12-31");
        application(db, romashka, "office@romashka.example", "+79123456789", poa, "active");
        const long long poa2 = power_of_attorney(db, sidorov, "2020-01-01", "2099-12-31");
        application(db, sidorov, "Sidorov@IP-Sidorov.example", "+79123450001", poa2, "active");
        tx.commit();
    }

    long long client(db::Database& db, const std::string& kind, const std::string& inn,
                     const std::string& ogrn, const std::string& kpp, const std::string& name) {
        soci::indicator kpp_ind = kpp.empty() ? soci::i_null : soci::i_ok;
        return db.insert(
            "INSERT INTO corporate_client (kind, inn, ogrn, kpp, official_name, contract_number, "
            "contract_date, created_at) VALUES (:k, :i, :o, :p, :n, '15/2026', '2026-01-15', 0)",
            soci::use(kind), soci::use(inn), soci::use(ogrn), soci::use(kpp, kpp_ind), soci::use(name));
    }
    long long number(db::Database& db, long long client_id, const std::string& msisdn) {
        return db.insert(
            "INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, "
            "added_at) VALUES (:c, :m, :t, 'active', 0, 0)",
            soci::use(client_id), soci::use(msisdn), soci::use(tariff));
    }
    long long power_of_attorney(db::Database& db, long long client_id, const std::string& from,
                                const std::string& until) {
        return db.insert(
            "INSERT INTO power_of_attorney (client_id, kind, number, issued_on, valid_until, issued_by, "
            "issued_to, created_at) VALUES (:c, 'power_of_attorney', '7', :f, :u, 'Директор', "
            "'Бухгалтер', 0)",
            soci::use(client_id), soci::use(from), soci::use(until));
    }
    long long application(db::Database& db, long long client_id, const std::string& email,
                          const std::string& admin, long long poa, const std::string& status) {
        return db.insert(
            "INSERT INTO remote_service_application (client_id, official_name, bound_email, "
            "admin_msisdn, confirmation, power_of_attorney_id, status, created_at) "
            "VALUES (:c, 'Компания', :e, :a, 'sms_code', :p, :s, 0)",
            soci::use(client_id), soci::use(email), soci::use(admin), soci::use(poa), soci::use(status));
    }

    long long tariff = 0;
    long long romashka = 0;
    long long sidorov = 0;
};

}  // namespace salon::test
