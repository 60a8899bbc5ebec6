#include "training/core/assessment/Rubric.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"

namespace salon::training {

std::string_view to_string(RubricKind kind) { return kind == RubricKind::role_play ? "role_play" : "case"; }

RubricKind rubric_kind_from_string(std::string_view code) {
    if (code == "role_play") return RubricKind::role_play;
    if (code == "case") return RubricKind::case_study;
    throw pos::InputError("kind", tr("Rubric kind"), tr("must be role_play or case"));
}

Text rubric_kind_title(RubricKind kind) {
    return kind == RubricKind::role_play ? tr("Role-play") : tr("Cases");
}

namespace {

struct CheckedForm {
    std::string title;
    std::vector<CriterionForm> criteria;
};

CheckedForm check(const RubricForm& form) {
    CheckedForm out;
    out.title = pos::required_text("title", tr("Rubric title"), form.title, 200);
    if (form.margin < 0 || form.margin > 100)
        throw pos::InputError("margin", tr("Margin"), tr("must be from 0 to 100 points"));
    if (form.criteria.empty())
        throw pos::InputError("criteria", tr("Criteria"), tr("a rubric needs at least one criterion"));
    for (const auto& c : form.criteria) {
        CriterionForm checked;
        checked.title = pos::required_text("criterion", tr("Criterion"), c.title, 300);
        if (c.max_points < 1 || c.max_points > 100)
            throw pos::InputError("max_points", tr("Maximum points"), tr("must be from 1 to 100"));
        checked.max_points = c.max_points;
        out.criteria.push_back(checked);
    }
    return out;
}

void insert_criteria(db::Database& db, long long rubric, const std::vector<CriterionForm>& criteria) {
    int position = 0;
    for (const auto& c : criteria) {
        ++position;
        db.run("INSERT INTO rubric_criterion (rubric_id, position, title, max_points) VALUES (:r, :p, :t, :m)",
               soci::use(rubric), soci::use(position), soci::use(c.title), soci::use(c.max_points));
    }
}

std::vector<Rubric> read_rubrics(db::Database& db, long long only, int with_retired) {
    std::vector<Rubric> out;
    long long id = 0;
    std::string kind, title;
    int margin = 0;
    soci::indicator retired_ind;
    long long retired = 0;
    {
        db::Statement st = db.query(
            "SELECT id, kind, title, margin, retired_at FROM rubric "
            "WHERE (:only = 0 OR id = :only2) AND (:all = 1 OR retired_at IS NULL) ORDER BY kind DESC, title, id",
            soci::use(only), soci::use(only), soci::use(with_retired), soci::into(id), soci::into(kind),
            soci::into(title), soci::into(margin), soci::into(retired, retired_ind));
        st.execute();
        while (st.fetch()) {
            Rubric r;
            r.id = id;
            r.kind = rubric_kind_from_string(kind);
            r.title = title;
            r.margin = margin;
            r.retired = retired_ind == soci::i_ok;
            out.push_back(r);
        }
    }
    for (auto& r : out) {
        RubricCriterion c;
        long long cid = 0, rid = r.id;
        db::Statement st = db.query(
            "SELECT id, position, title, max_points FROM rubric_criterion WHERE rubric_id = :r ORDER BY position",
            soci::use(rid), soci::into(cid), soci::into(c.position), soci::into(c.title), soci::into(c.max_points));
        st.execute();
        while (st.fetch()) {
            c.id = cid;
            r.criteria.push_back(c);
        }
    }
    return out;
}

}  // namespace

std::int64_t save_rubric(db::Database& db, const pos::Actor& actor, const RubricForm& form, std::int64_t id) {
    actor.require(db, pos::Permission::run_training);
    const CheckedForm f = check(form);
    const std::string kind(to_string(form.kind));
    db::WriteTransaction tx(db);
    long long saved = id;
    if (id == 0) {
        const long long now = db.now(), by = actor.staff_id();
        soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
        saved = db.insert(
            "INSERT INTO rubric (kind, title, margin, created_at, created_by) VALUES (:k, :t, :m, :at, :by)",
            soci::use(kind), soci::use(f.title), soci::use(form.margin), soci::use(now), soci::use(by, by_ind));
        insert_criteria(db, saved, f.criteria);
        actor.record(db, "rubric.save", "rubric:" + std::to_string(saved),
                     "added kind=" + kind + " criteria=" + std::to_string(f.criteria.size()));
    } else {
        const Rubric before = get_rubric(db, id);
        if (before.kind != form.kind)
            throw pos::InputError("kind", tr("Rubric kind"), tr("cannot change once the rubric exists"));
        long long scored = 0;
        db.run("SELECT count(*) FROM assessment_score s JOIN rubric_criterion c ON c.id = s.criterion_id "
               "WHERE c.rubric_id = :r",
               soci::use(saved), soci::into(scored));
        bool same_shape = before.criteria.size() == f.criteria.size();
        for (std::size_t i = 0; same_shape && i < f.criteria.size(); ++i)
            same_shape = before.criteria[i].max_points == f.criteria[i].max_points;
        if (scored > 0 && !same_shape)
            throw pos::InputError("criteria", tr("Criteria"),
                                  tr("candidates are already scored by this rubric: its criteria and their points "
                                     "stay as they are (make a new rubric instead)"));
        db.run("UPDATE rubric SET title = :t, margin = :m WHERE id = :id", soci::use(f.title),
               soci::use(form.margin), soci::use(saved));
        if (same_shape) {
            for (std::size_t i = 0; i < f.criteria.size(); ++i) {
                const long long cid = before.criteria[i].id;
                db.run("UPDATE rubric_criterion SET title = :t WHERE id = :id", soci::use(f.criteria[i].title),
                       soci::use(cid));
            }
        } else {
            db.run("DELETE FROM rubric_criterion WHERE rubric_id = :r", soci::use(saved));
            insert_criteria(db, saved, f.criteria);
        }
        actor.record(db, "rubric.save", "rubric:" + std::to_string(saved),
                     pos::changed_fields({{"title", before.title != f.title},
                                          {"margin", before.margin != form.margin},
                                          {"criteria", !same_shape}}));
    }
    tx.commit();
    return saved;
}

std::vector<Rubric> list_rubrics(db::Database& db, bool with_retired) {
    return read_rubrics(db, 0, with_retired ? 1 : 0);
}

Rubric get_rubric(db::Database& db, std::int64_t id) {
    auto found = read_rubrics(db, id, 1);
    if (found.empty() || id == 0)
        throw pos::InputError("rubric", tr("Rubric"), trf("no rubric with number {1}", {std::to_string(id)}));
    return found.front();
}

std::vector<std::int64_t> seed_default_rubrics(db::Database& db, const pos::Actor& actor) {
    // The titles stay in Russian in the database: the trainers read and edit them as data.
    const std::vector<RubricForm> defaults = {
        {RubricKind::role_play,
         "Ролевая игра: продажа тренеру",
         2,
         {{"Находит сильные стороны товара", 5},
          {"Показывает их клиенту на его задаче", 5},
          {"Задаёт вопросы и слушает клиента", 5},
          {"Грамотная речь", 5},
          {"Доводит до решения о покупке", 5}}},
        {RubricKind::case_study,
         "Кейсы: проблема клиента",
         2,
         {{"Решает проблему клиента, а не перекладывает её", 5},
          {"Проявляет инициативу", 5},
          {"Предлагает подходящий тариф и услуги", 5},
          {"Знает, куда обратиться, и доводит до конца", 5}}},
    };
    std::vector<std::int64_t> added;
    for (const auto& form : defaults) {
        long long n = 0;
        db.run("SELECT count(*) FROM rubric WHERE title = :t", soci::use(form.title), soci::into(n));
        if (n == 0) added.push_back(save_rubric(db, actor, form));
    }
    return added;
}

}  // namespace salon::training
