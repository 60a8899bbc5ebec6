#include "pos/core/organisation/AdministrationPages.hpp"

#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

namespace salon::pos {

std::vector<AdministrationPage> administration_pages(db::Database& db, const Actor& actor) {
    const bool administers = actor.may(db, Permission::administer_database);
    const bool manages_staff = actor.may(db, Permission::manage_staff);
    std::vector<AdministrationPage> pages;
    if (administers) pages.push_back(AdministrationPage::dealers);
    if (administers || manages_staff) pages.push_back(AdministrationPage::salons);
    if (manages_staff) pages.push_back(AdministrationPage::staff);
    if (administers) {
        pages.push_back(AdministrationPage::permissions);
        pages.push_back(AdministrationPage::database);
    }
    return pages;
}

}  // namespace salon::pos
