#include "pos/core/fiscal/PaymentAgent.hpp"

#include "db/Database.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Inn.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <soci/soci.h>

namespace salon::pos {

std::string normalise_supplier_phone(const std::string& typed) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const char c = typed[i];
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '+' && digits.empty() && !plus)
            plus = true;
        else if (c != ' ' && c != '-' && c != '(' && c != ')')
            throw InputError("supplier_phone", tr("Supplier's phone"),
                             tr("digits only, with the country code, e.g. +7 495 123-45-67"));
    }
    // A Russian number typed with the trunk prefix 8 is the same number with +7.
    if (!plus && digits.size() == 11 && digits[0] == '8') digits[0] = '7';
    if (digits.size() < 11 || digits.size() > 15)
        throw InputError("supplier_phone", tr("Supplier's phone"),
                         tr("a full number with the country code, e.g. +7 495 123-45-67"));
    return "+" + digits;
}

AgentSupplier set_agent_supplier(db::Database& db, const Actor& actor, const AgentSupplier& s) {
    actor.require(db, Permission::administer_database);
    AgentSupplier clean;
    clean.operator_code = required_text("operator", tr("Operator"), s.operator_code, 64);
    clean.name = required_text("supplier_name", tr("Supplier's name"), s.name, 256);
    clean.inn = parse_input("supplier_inn", [&] { return Inn::parse(s.inn); }).str();
    clean.phone = normalise_supplier_phone(s.phone);
    db::WriteTransaction tx(db);
    const long long staff = actor.staff_id(), now = db.now();
    soci::indicator staff_ind = staff ? soci::i_ok : soci::i_null;
    int exists = 0;
    db.run("SELECT COUNT(*) FROM payment_agent_supplier WHERE operator = :o", soci::use(clean.operator_code),
           soci::into(exists));
    if (exists)
        db.run("UPDATE payment_agent_supplier SET supplier_name = :n, supplier_inn = :i, supplier_phone = :p, "
               "updated_by = :b, updated_at = :at WHERE operator = :o",
               soci::use(clean.name), soci::use(clean.inn), soci::use(clean.phone), soci::use(staff, staff_ind),
               soci::use(now), soci::use(clean.operator_code));
    else
        db.run("INSERT INTO payment_agent_supplier (operator, supplier_name, supplier_inn, supplier_phone, "
               "updated_by, updated_at) VALUES (:o, :n, :i, :p, :b, :at)",
               soci::use(clean.operator_code), soci::use(clean.name), soci::use(clean.inn),
               soci::use(clean.phone), soci::use(staff, staff_ind), soci::use(now));
    actor.record(db, "fiscal.agent", "operator:" + clean.operator_code,
                 "supplier_name=" + clean.name + " supplier_inn=" + clean.inn + " supplier_phone=" + clean.phone);
    tx.commit();
    return clean;
}

std::optional<AgentSupplier> agent_supplier(db::Database& db, const std::string& operator_code) {
    AgentSupplier s;
    s.operator_code = operator_code;
    if (!db.run("SELECT supplier_name, supplier_inn, supplier_phone FROM payment_agent_supplier WHERE operator "
                "= :o",
                soci::use(operator_code), soci::into(s.name), soci::into(s.inn), soci::into(s.phone)))
        return std::nullopt;
    return s;
}

std::string top_up_operator(db::Database& db) {
    std::string code;
    soci::indicator ind = soci::i_null;
    db.run("SELECT value FROM setting WHERE name = 'top_up_operator'", soci::into(code, ind));
    return ind == soci::i_ok ? code : std::string("operator");
}

AgentSupplier require_top_up_supplier(db::Database& db) {
    const std::string code = top_up_operator(db);
    if (auto s = agent_supplier(db, code)) return *s;
    throw RefusedError(trf("A top-up is accepted as the payment agent of operator \"{1}\", whose supplier's "
                           "name, INN and phone are not set (54-FZ): an administrator sets them with "
                           "`salon-cli fiscal agent {1}`.",
                           {code}));
}

}  // namespace salon::pos
