// The queue and the visitor's rating (R-POS-5, R-POS-6): tickets per salon and day, calling the next
// visitor, waiting and service times, the rating on the second screen, and the good-rating norm (R-POS-4).
#include <catch2/catch.hpp>

#include "pos/core/common/FormInput.hpp"
#include "pos/core/sale/Queue.hpp"
#include "tests/pos_core/DeskFixture.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::DeskFixture;
using salon::test::refusal;

namespace {
// Moves a visit's clock back, as if it had happened `minutes_ago`.
void age(DeskFixture& f, std::int64_t visit, const char* column, int seconds_back) {
    const long long id = visit;
    const long long back = seconds_back;
    f.db().sql() << std::string("UPDATE visit SET ") + column + " = " + column + " - :b WHERE id = :id",
        soci::use(back), soci::use(id);
}
}  // namespace

TEST_CASE("Tickets are numbered per salon and day, labelled by purpose [R-POS-6]", "[queue][R-POS-6]") {
    DeskFixture f;
    const Visit a = take_ticket(f.db(), f.salon, VisitPurpose::top_up);
    const Visit b = take_ticket(f.db(), f.salon, VisitPurpose::sale);
    const Visit c = take_ticket(f.db(), f.second_salon, VisitPurpose::sale);
    CHECK(a.ticket == 1);
    CHECK(b.ticket == 2);
    CHECK(c.ticket == 1);
    CHECK(a.label == "Б-001");
    CHECK(b.label == "П-002");
    CHECK(a.status == "waiting");
    CHECK_THROWS_AS(take_ticket(f.db(), 999, VisitPurpose::sale), ValidationError);
    CHECK_THROWS_AS(visit_purpose_from_string("coffee"), InputError);
}

TEST_CASE("The specialist calls the longest waiting visitor, one at a time [R-POS-6]", "[queue][R-POS-6]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const Visit first = take_ticket(f.db(), f.salon, VisitPurpose::sale);
    const Visit second = take_ticket(f.db(), f.salon, VisitPurpose::top_up);
    take_ticket(f.db(), f.second_salon, VisitPurpose::sale);  // another salon's queue is not called here
    age(f, first.id, "joined_at", 600);
    const auto called = call_next(f.db(), spec);
    REQUIRE(called);
    CHECK(called->id == first.id);
    CHECK(called->status == "serving");
    CHECK(called->served_by == f.specialist_id);
    CHECK_THAT(refusal([&] { call_next(f.db(), spec); }), Catch::Contains("finish visitor П-001 first"));
    // A colleague may not finish another's visitor; the senior may.
    CHECK_THAT(refusal([&] { finish_visit(f.db(), f.colleague(), first.id); }), Catch::Contains("is served by"));
    finish_visit(f.db(), spec, first.id);
    // A desk that tops up calls the top-up visitor first.
    const Visit third = take_ticket(f.db(), f.salon, VisitPurpose::sale);
    age(f, third.id, "joined_at", 300);
    const auto topup = call_next(f.db(), f.colleague(), VisitPurpose::top_up);
    REQUIRE(topup);
    CHECK(topup->id == second.id);
    mark_left(f.db(), f.colleague(), second.id);
    CHECK(get_visit(f.db(), spec, second.id).status == "left");
    CHECK(call_next(f.db(), spec)->id == third.id);
    finish_visit(f.db(), f.senior(), third.id);
    CHECK_FALSE(call_next(f.db(), spec));
    // The other dealer's people neither see nor call this salon's visitors.
    CHECK_THROWS_AS(get_visit(f.db(), f.stranger(), first.id), ValidationError);
    CHECK_THROWS_AS(finish_visit(f.db(), f.stranger(), third.id), ValidationError);
}

TEST_CASE("The visitor rates once, 1 to 5, within an hour; thanks are kept [R-POS-5] [R-POS-8]",
          "[queue][R-POS-5][R-POS-8]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const Visit v = take_ticket(f.db(), f.salon, VisitPurpose::service);
    CHECK_THROWS_AS(rate_visit(f.db(), v.id, 5), ValidationError);  // not served yet
    call_next(f.db(), spec);
    finish_visit(f.db(), spec, v.id);
    try {
        rate_visit(f.db(), v.id, 6);
        FAIL("a rating of 6 passed");
    } catch (const InputError& e) {
        CHECK(e.input() == "rating");
    }
    rate_visit(f.db(), v.id, 5);
    CHECK_THAT(refusal([&] { rate_visit(f.db(), v.id, 1); }), Catch::Contains("already rated"));
    record_thanks(f.db(), spec, v.id, "Спасибо Анне за терпение!");
    const Visit after = get_visit(f.db(), spec, v.id);
    CHECK(after.rating == 5);
    CHECK(after.thanks == "Спасибо Анне за терпение!");
    const Visit late = take_ticket(f.db(), f.salon, VisitPurpose::service);
    call_next(f.db(), spec);
    finish_visit(f.db(), spec, late.id);
    age(f, late.id, "finished_at", 3700);
    CHECK_THAT(refusal([&] { rate_visit(f.db(), late.id, 4); }), Catch::Contains("within an hour"));
}

TEST_CASE("The dashboard shows today's queue, the average and 90th-percentile wait [R-POS-6]",
          "[queue][dashboard][R-POS-6]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    // Ten visitors called after waiting 1..10 minutes, one still waiting for 7 minutes.
    for (int minutes = 1; minutes <= 10; ++minutes) {
        const Visit v = take_ticket(f.db(), f.salon, VisitPurpose::top_up);
        call_next(f.db(), spec);
        age(f, v.id, "joined_at", minutes * 60);
        finish_visit(f.db(), spec, v.id);
    }
    const Visit waiting = take_ticket(f.db(), f.salon, VisitPurpose::sale);
    age(f, waiting.id, "joined_at", 7 * 60 + 5);
    const DeskDashboard d = desk_dashboard(f.db(), spec);
    CHECK(d.waiting == 1);
    CHECK(d.done == 10);
    CHECK(d.average_wait_minutes == Approx(5.5).margin(0.1));  // a loaded machine adds seconds
    CHECK(d.p90_wait_minutes == Approx(9.0).margin(0.1));
    CHECK(d.longest_waiting_minutes == 7);
    int visitors = 0;
    for (int n : d.visitors_by_hour) visitors += n;
    CHECK(visitors == 11);
    // Head office asks for the salon by number; a salon's person always gets his own salon's, whatever he asks.
    CHECK(desk_dashboard(f.db(), f.cli, f.salon).done == 10);
    CHECK(desk_dashboard(f.db(), f.stranger(), f.salon).done == 0);
}

TEST_CASE("The good-rating share is good ratings over ratings given, against 85% [R-POS-4]",
          "[queue][norms][R-POS-4]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    // Six rated 5, one rated 3, one not rated: 6 of 7 good = 85.7%, the norm is met.
    for (int i = 0; i < 8; ++i) {
        const Visit v = take_ticket(f.db(), f.salon, VisitPurpose::service);
        call_next(f.db(), spec);
        finish_visit(f.db(), spec, v.id);
        if (i < 6) rate_visit(f.db(), v.id, 5);
        if (i == 6) rate_visit(f.db(), v.id, 3);
    }
    auto norms = desk_dashboard(f.db(), spec).norms;
    auto mine = std::find_if(norms.begin(), norms.end(), [&](const SpecialistNorms& n) { return n.staff_id == f.specialist_id; });
    REQUIRE(mine != norms.end());
    CHECK(mine->visits_served == 8);
    CHECK(mine->ratings == 7);
    CHECK(mine->good_ratings == 6);
    CHECK(mine->good_rating_percent() == 85);
    CHECK(mine->rating_norm_met());
    // One more poor rating: 6 of 8 = 75%, below the norm.
    const Visit v = take_ticket(f.db(), f.salon, VisitPurpose::service);
    call_next(f.db(), spec);
    finish_visit(f.db(), spec, v.id);
    rate_visit(f.db(), v.id, 2);
    norms = desk_dashboard(f.db(), spec).norms;
    mine = std::find_if(norms.begin(), norms.end(), [&](const SpecialistNorms& n) { return n.staff_id == f.specialist_id; });
    CHECK_FALSE(mine->rating_norm_met());
    // Colleagues with nothing measured are listed and not flagged.
    auto colleague = std::find_if(norms.begin(), norms.end(), [&](const SpecialistNorms& n) { return n.staff_id == f.colleague_id; });
    REQUIRE(colleague != norms.end());
    CHECK(colleague->good_rating_percent() == -1);
    CHECK(colleague->rating_norm_met());
}
