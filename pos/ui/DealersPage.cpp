#include "pos/ui/DealersPage.hpp"

#include "pos/core/organisation/Dealer.hpp"

#include <wx/sizer.h>

namespace salon::ui {

namespace {
Text kind_title(pos::DealerKind kind) {
    return kind == pos::DealerKind::legal_entity ? tr("Legal entity") : tr("Sole proprietor");
}
}  // namespace

DealersPage::DealersPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : RecordEditorPage(parent, db, actor, tr("New dealer"), tr("Dealer's details")) {
    wxWindow* form = form_panel();
    legal_entity_ = new wxRadioButton(form, wxID_ANY, ui_text(kind_title(pos::DealerKind::legal_entity)),
                                      wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    sole_proprietor_ =
        new wxRadioButton(form, wxID_ANY, ui_text(kind_title(pos::DealerKind::sole_proprietor)));
    auto* kinds = new wxBoxSizer(wxVERTICAL);
    kinds->Add(legal_entity_, 0, wxTOP, 4);
    kinds->Add(sole_proprietor_, 0, wxTOP, 4);
    name_ = new wxTextCtrl(form, wxID_ANY);
    inn_ = new wxTextCtrl(form, wxID_ANY);
    ogrn_ = new wxTextCtrl(form, wxID_ANY);
    kpp_ = new wxTextCtrl(form, wxID_ANY);

    fields().add("kind", tr("Kind:"), kinds, legal_entity_);
    fields().add("name", tr("Name:"), name_);
    fields().add("inn", tr("INN:"), inn_);
    ogrn_label_ = fields().add("ogrn", tr("OGRN:"), ogrn_);
    fields().add("kpp", tr("KPP:"), kpp_);

    legal_entity_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { kind_changed(); });
    sole_proprietor_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { kind_changed(); });

    // The widest columns first: the rest is one click away in the form, or a scroll to the right.
    finish({{tr("Name"), 210},
            {tr("INN"), 110},
            {tr("Kind"), 200},
            {tr("OGRN / OGRNIP"), 140},
            {tr("KPP"), 90}});
}

std::vector<RecordEditorPage::Row> DealersPage::load_rows() {
    std::vector<Row> rows;
    for (const pos::Dealer& d : pos::list_dealers(db(), actor()))
        rows.push_back({d.id, {d.name, d.inn, kind_title(d.kind).str(), d.ogrn, d.kpp}});
    return rows;
}

void DealersPage::load_form(std::int64_t id) {
    const pos::Dealer d = pos::get_dealer(db(), actor(), id);
    const bool legal = d.kind == pos::DealerKind::legal_entity;
    legal_entity_->SetValue(legal);
    sole_proprietor_->SetValue(!legal);
    name_->ChangeValue(wxString::FromUTF8(d.name));
    inn_->ChangeValue(wxString::FromUTF8(d.inn));
    ogrn_->ChangeValue(wxString::FromUTF8(d.ogrn));
    kpp_->ChangeValue(wxString::FromUTF8(d.kpp));
    kind_changed();
}

void DealersPage::clear_form() {
    legal_entity_->SetValue(true);
    for (wxTextCtrl* input : {name_, inn_, ogrn_, kpp_}) input->ChangeValue(wxString());
    kind_changed();
    name_->SetFocus();
}

std::int64_t DealersPage::save_form(std::int64_t id) {
    pos::DealerForm form;
    form.kind =
        sole_proprietor_->GetValue() ? pos::DealerKind::sole_proprietor : pos::DealerKind::legal_entity;
    form.name = name_->GetValue().utf8_string();
    form.inn = inn_->GetValue().utf8_string();
    form.ogrn = ogrn_->GetValue().utf8_string();
    if (form.kind == pos::DealerKind::legal_entity) form.kpp = kpp_->GetValue().utf8_string();
    return pos::save_dealer(db(), actor(), form, id);
}

void DealersPage::kind_changed() {
    const bool legal = legal_entity_->GetValue();
    ogrn_label_->SetLabelText(ui_text(legal ? tr("OGRN:") : tr("OGRNIP:")));
    // A sole proprietor has no KPP: the input stays visible (the form keeps its shape) but cannot be filled.
    if (!legal) kpp_->ChangeValue(wxString());
    kpp_->Enable(legal);
    form_panel()->Layout();
}

}  // namespace salon::ui
