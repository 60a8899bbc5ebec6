// Administration: the dealers (legal entities and sole proprietors) and their registration numbers.
#pragma once

#include "pos/ui/RecordEditorPage.hpp"

#include <wx/radiobut.h>
#include <wx/textctrl.h>

namespace salon::ui {

class DealersPage : public RecordEditorPage {
public:
    DealersPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);

private:
    std::vector<Row> load_rows() override;
    void load_form(std::int64_t id) override;
    void clear_form() override;
    std::int64_t save_form(std::int64_t id) override;
    void kind_changed();  // the OGRN label and the KPP input follow the kind

    wxRadioButton* legal_entity_ = nullptr;
    wxRadioButton* sole_proprietor_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* inn_ = nullptr;
    wxTextCtrl* ogrn_ = nullptr;
    wxTextCtrl* kpp_ = nullptr;
    wxStaticText* ogrn_label_ = nullptr;
};

}  // namespace salon::ui
