// salon-cli queue take|call|finish|left|rate|thanks|list and salon-cli dashboard: the salon's queue
// (R-POS-6), the visitor's rating (R-POS-5) and the desk's dashboard with each specialist's norms (R-POS-4).
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/NumberText.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/sale/Queue.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

namespace {

nlohmann::json to_json(const Visit& v) {
    return {{"id", v.id},           {"ticket", v.label},         {"number", v.ticket},
            {"day", v.ticket_day},  {"purpose", to_string(v.purpose)}, {"status", v.status},
            {"joined_at", v.joined_at}, {"called_at", v.called_at}, {"finished_at", v.finished_at},
            {"served_by", v.served_by_name}, {"rating", v.rating}, {"thanks", v.thanks}};
}

std::string minutes(double m) { return pos::decimal_text(m, 1); }

std::string percent(int p) { return p < 0 ? "—" : std::to_string(p) + "%"; }

void print_visit(const CliContext& ctx, const Visit& v) {
    if (ctx.json)
        print_json(to_json(v));
    else
        std::cout << trf("Visitor {1} ({2})", {v.label, visit_status_title(v.status).str()}).str() << '\n';
}

}  // namespace

void add_queue_commands(CLI::App& app, CliContext& ctx) {
    auto* queue = app.add_subcommand("queue", tr("The salon's queue: tickets, calling, ratings").str());
    queue->require_subcommand(1);

    auto salon_id = std::make_shared<std::int64_t>(0);
    auto purpose = std::make_shared<std::string>("sale");
    auto* take = queue->add_subcommand("take", tr("Take a ticket, as the kiosk does").str());
    take->add_option("--salon", *salon_id, tr("Salon record number").str())->required();
    take->add_option("--purpose", *purpose, tr("top_up, sale, service or corporate").str());
    take->callback([&ctx, salon_id, purpose] {
        auto db = ctx.open();
        ctx.person(*db);  // the kiosk's own screen takes tickets without a person; a script says who it is
        print_visit(ctx, take_ticket(*db, *salon_id, visit_purpose_from_string(*purpose)));
    });

    auto only = std::make_shared<std::string>();
    auto* call = queue->add_subcommand("call", tr("Call the visitor who has waited longest (acting --as)").str());
    call->add_option("--purpose", *only, tr("Call a visitor with this purpose first").str());
    call->callback([&ctx, only] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        std::optional<VisitPurpose> first;
        if (!only->empty()) first = visit_purpose_from_string(*only);
        const auto v = call_next(*db, person, first);
        if (!v) {
            if (ctx.json) print_json(nullptr);
            else std::cout << tr("Nobody is waiting.").str() << '\n';
            return;
        }
        print_visit(ctx, *v);
    });

    auto visit_id = std::make_shared<std::int64_t>(0);
    auto* finish = queue->add_subcommand("finish", tr("End the service of a visit (acting --as)").str());
    finish->add_option("visit", *visit_id, tr("Visit record number").str())->required();
    finish->callback([&ctx, visit_id] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        finish_visit(*db, person, *visit_id);
        print_visit(ctx, get_visit(*db, person, *visit_id));
    });

    auto* left = queue->add_subcommand("left", tr("Mark a visitor who went away (acting --as)").str());
    left->add_option("visit", *visit_id, tr("Visit record number").str())->required();
    left->callback([&ctx, visit_id] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        mark_left(*db, person, *visit_id);
        print_visit(ctx, get_visit(*db, person, *visit_id));
    });

    auto rating = std::make_shared<int>(0);
    auto* rate = queue->add_subcommand("rate", tr("The visitor's rating of the service, 1 to 5").str());
    rate->add_option("visit", *visit_id, tr("Visit record number").str())->required();
    rate->add_option("rating", *rating, tr("1 to 5").str())->required();
    rate->callback([&ctx, visit_id, rating] {
        auto db = ctx.open();
        ctx.person(*db);  // as take: only the kiosk rates without a person
        rate_visit(*db, *visit_id, *rating);
        if (!ctx.json) std::cout << tr("Thank you for your rating.").str() << '\n';
        else print_json({{"ok", true}});
    });

    auto text = std::make_shared<std::string>();
    auto* thanks = queue->add_subcommand("thanks", tr("Record the client's written thanks (acting --as)").str());
    thanks->add_option("visit", *visit_id, tr("Visit record number").str())->required();
    thanks->add_option("text", *text, tr("The thanks as the client wrote it").str())->required();
    thanks->callback([&ctx, visit_id, text] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        record_thanks(*db, person, *visit_id, *text);
        print_visit(ctx, get_visit(*db, person, *visit_id));
    });

    auto* list = queue->add_subcommand("list", tr("Today's queue of your salon (or of --salon)").str());
    list->add_option("--salon", *salon_id, tr("Salon record number (head office and dealers' managers)").str());
    list->callback([&ctx, salon_id] {
        auto db = ctx.open();
        const Actor person = ctx.viewer(*db);
        const auto visits = todays_queue(*db, person, *salon_id);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& v : visits) out.push_back(to_json(v));
            print_json(out);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& v : visits)
            rows.push_back({std::to_string(v.id), v.label, visit_purpose_title(v.purpose).str(),
                            visit_status_title(v.status).str(), v.served_by_name,
                            v.rating ? std::to_string(v.rating) : ""});
        print_table({tr("Id").str(), tr("Ticket").str(), tr("Purpose").str(), tr("Status").str(),
                     tr("Served by").str(), tr("Rating").str()},
                    rows);
    });

    auto* dash = app.add_subcommand("dashboard", tr("The desk's dashboard: today's queue, waits and norms").str());
    dash->add_option("--salon", *salon_id, tr("Salon record number (head office and dealers' managers)").str());
    dash->callback([&ctx, salon_id] {
        auto db = ctx.open();
        const Actor person = ctx.viewer(*db);
        // Someone bound to no salon (a dealer's manager, head office) sees all his salons side by side.
        if (*salon_id == 0 && person.member().salon_id == 0) return print_dealer_dashboard(ctx, *db, person);
        const DeskDashboard d = desk_dashboard(*db, person, *salon_id);
        if (ctx.json) {
            nlohmann::json norms = nlohmann::json::array();
            for (const auto& n : d.norms)
                norms.push_back({{"staff_id", n.staff_id},
                                 {"name", n.name},
                                 {"visits_served", n.visits_served},
                                 {"average_service_minutes", n.average_service_minutes},
                                 {"bundle_sales", n.bundle_sales},
                                 {"tariff_sales", n.tariff_sales},
                                 {"bundle_share_percent", n.bundle_share_percent()},
                                 {"bundle_threshold_percent", n.bundle_threshold_percent},
                                 {"bundle_norm_met", n.bundle_norm_met()},
                                 {"good_ratings", n.good_ratings},
                                 {"ratings", n.ratings},
                                 {"good_rating_percent", n.good_rating_percent()},
                                 {"rating_norm_met", n.rating_norm_met()}});
            print_json({{"day", d.day},
                        {"waiting", d.waiting},
                        {"serving", d.serving},
                        {"done", d.done},
                        {"left", d.left},
                        {"average_wait_minutes", d.average_wait_minutes},
                        {"p90_wait_minutes", d.p90_wait_minutes},
                        {"longest_waiting_minutes", d.longest_waiting_minutes},
                        {"visitors_by_hour", d.visitors_by_hour},
                        {"norms", norms}});
            return;
        }
        std::cout << trf("Today {1}: waiting {2}, being served {3}, served {4}, went away {5}",
                         {CalendarDate::parse(d.day, "day", tr("Date")).display(), std::to_string(d.waiting),
                          std::to_string(d.serving), std::to_string(d.done), std::to_string(d.left)})
                         .str()
                  << '\n'
                  << trf("Wait: average {1} min, 90% within {2} min; longest now waiting {3} min",
                         {minutes(d.average_wait_minutes), minutes(d.p90_wait_minutes),
                          std::to_string(d.longest_waiting_minutes)})
                         .str()
                  << "\n\n";
        std::vector<std::vector<std::string>> rows;
        for (const auto& n : d.norms)
            rows.push_back({n.name, std::to_string(n.visits_served), minutes(n.average_service_minutes),
                            percent(n.bundle_share_percent()) + (n.bundle_norm_met() ? "" : " !"),
                            percent(n.good_rating_percent()) + (n.rating_norm_met() ? "" : " !")});
        print_table({tr("Specialist").str(), tr("Served").str(), tr("Minutes per visit").str(),
                     trf("Bundles (norm {1}%)", {std::to_string(d.norms.empty() ? 50 : d.norms.front().bundle_threshold_percent)}).str(),
                     tr("Good ratings (norm 85%)").str()},
                    rows);
    });
}

}  // namespace salon::cli
