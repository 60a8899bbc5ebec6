#include "pos/ui/CatalogTexts.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/ui/FormFields.hpp"

namespace salon::ui {

wxString product_kind_title(const std::string& kind) {
    if (kind == "service") return ui_text(tr("service"));
    if (kind == "gadget") return ui_text(tr("gadget"));
    if (kind == "accessory") return ui_text(tr("accessory"));
    if (kind == "sim") return ui_text(tr("SIM card"));
    return wxString::FromUTF8(kind);
}

wxString vat_title(db::Database& db, const std::string& vat_code, const std::string& iso_date) {
    try {
        const auto on = pos::CalendarDate::parse(iso_date, "valid_from", tr("Valid from"));
        return wxString::FromUTF8(pos::vat_percent(pos::vat_basis_points(db, vat_code, on)));
    } catch (const UserError&) {
        return wxString::FromUTF8(vat_code);
    }
}

}  // namespace salon::ui
