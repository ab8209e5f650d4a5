// AHP weights and consistency (issue 5): Saaty's principal-eigenvector method with Eigen, or the
// row geometric means, and the consistency ratio against a selectable random-index table.
#include "plaint/error.hpp"
#include "plaint/satisfaction.hpp"

#include "satisfaction_detail.hpp"

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

PLAINT_BEGIN_NAMESPACE
namespace satisfaction {

namespace {

// Random indices RI(n), index n − 1. Each table is the mean CI of random reciprocal matrices on
// the 1/9..9 scale as its authors published it.
// Saaty, T. L. (1980), The Analytic Hierarchy Process, McGraw-Hill: n = 1..10 (0, 0, 0.58, 0.90,
// 1.12, 1.24, 1.32, 1.41, 1.45, 1.49), extended to 15 (1.51, 1.48, 1.56, 1.57, 1.59) in the
// same simulation series as quoted in the AHP literature.
constexpr std::array<double, 15> ri_saaty1980 = {0,    0,    0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                                 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
// Saaty, T. L. (2005), Theory and Applications of the Analytic Network Process, RWS
// Publications, p. 31 (also Saaty & Tran 2007, Math. Comput. Modelling 46:962–975).
constexpr std::array<double, 15> ri_saaty2005 = {0,    0,    0.52, 0.89, 1.11, 1.25, 1.35, 1.40,
                                                 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
// Donegan, H. A. & Dodd, F. J. (1991), A note on Saaty's random indexes, Math. Comput.
// Modelling 15(10):135–137, n = 1..20 (the table also gives sparse values up to 100, not used).
constexpr std::array<double, 20> ri_donegan_dodd = {
    0,      0,      0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055,
    1.4213, 1.4497, 1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371};
// Alonso, J. A. & Lamata, M. T. (2006), Consistency in the analytic hierarchy process: a new
// approach, Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4):445–459, Table 3
// (100,000 matrices per size).
constexpr std::array<double, 15> ri_alonso_lamata = {0,      0,      0.5245, 0.8815, 1.1086,
                                                     1.2479, 1.3417, 1.4056, 1.4499, 1.4854,
                                                     1.5141, 1.5365, 1.5551, 1.5713, 1.5838};

template <std::size_t N>
double look_up(const std::array<double, N>& t, std::size_t n, RiTable table) {
    if (n == 0 || n > N)
        throw error(errc::out_of_range, std::string("the random-index table ") +
                                            ri_table_name(table) + " covers n = 1.." +
                                            std::to_string(N) + ", not " + std::to_string(n));
    return t[n - 1];
}

std::string cell(std::size_t i, std::size_t j) {
    return "cell (" + std::to_string(i) + ", " + std::to_string(j) + ")";
}

} // namespace

const char* ri_table_name(RiTable table) noexcept {
    switch (table) {
    case RiTable::saaty1980:
        return "saaty1980";
    case RiTable::saaty2005:
        return "saaty2005";
    case RiTable::donegan_dodd:
        return "donegan_dodd";
    case RiTable::alonso_lamata:
        return "alonso_lamata";
    }
    return "unknown";
}

std::optional<RiTable> ri_table_from_name(const std::string& name) {
    for (const RiTable t :
         {RiTable::saaty1980, RiTable::saaty2005, RiTable::donegan_dodd, RiTable::alonso_lamata})
        if (name == ri_table_name(t))
            return t;
    return std::nullopt;
}

double random_index(RiTable table, std::size_t n) {
    switch (table) {
    case RiTable::saaty1980:
        return look_up(ri_saaty1980, n, table);
    case RiTable::saaty2005:
        return look_up(ri_saaty2005, n, table);
    case RiTable::donegan_dodd:
        return look_up(ri_donegan_dodd, n, table);
    case RiTable::alonso_lamata:
        return look_up(ri_alonso_lamata, n, table);
    }
    throw error(errc::out_of_range,
                "unknown random-index table " + std::to_string(static_cast<std::int32_t>(table)));
}

Ahp ahp(const double* matrix, std::size_t n, RiTable table, AhpMethod method) {
    if (matrix == nullptr)
        throw error(errc::invalid_argument, "the pairwise-comparison matrix is NULL");
    if (n == 0)
        throw error(errc::invalid_argument, "the pairwise-comparison matrix is empty");
    if (method != AhpMethod::eigen && method != AhpMethod::geometric)
        throw error(errc::out_of_range,
                    "unknown AHP method " + std::to_string(static_cast<std::int32_t>(method)));
    // Every cell first, so that the message names the first bad cell in reading order.
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            const double a = matrix[i * n + j];
            if (!std::isfinite(a))
                throw error(errc::invalid_argument,
                            cell(i, j) + " is " + detail::num(a) + ", not a finite number");
            if (!(a > 0))
                throw error(errc::invalid_argument,
                            cell(i, j) + " is " + detail::num(a) + "; judgements must be positive");
            if (i == j && std::fabs(a - 1) > 1e-9)
                throw error(errc::invalid_argument,
                            cell(i, j) + " is " + detail::num(a) + "; the diagonal must be 1");
            // a_ij·a_ji = 1 within a relative 1e-9: 1/3 typed as 0.333333333333 passes, 0.333
            // does not.
            if (j > i && std::fabs(a * matrix[j * n + i] - 1) > 1e-9)
                throw error(errc::invalid_argument,
                            cell(i, j) + " is " + detail::num(a) + " but " + cell(j, i) + " is " +
                                detail::num(matrix[j * n + i]) +
                                "; a reciprocal matrix needs a_ji = 1 / a_ij");
        }
    const double ri = random_index(table, n);

    // Judgements may be any finite positive numbers, and ratios of 1e200 overflow a product
    // (the eigen solver then gives NaN). So the work is done on B = G⁻¹AG, G = diag(g) with g
    // the row geometric means, taken in logs: b_ij = a_ij·g_j/g_i is 1 for a consistent matrix
    // and near 1 for a nearly consistent one, B has A's eigenvalues, and A's Perron vector is
    // G times B's. Weights are assembled in logs too, and anything that still leaves double's
    // range is refused rather than returned as NaN, infinity or a zero weight.
    const auto idx = [](std::size_t i) { return static_cast<Eigen::Index>(i); };
    Eigen::MatrixXd log_a(idx(n), idx(n));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            log_a(idx(i), idx(j)) = std::log(matrix[i * n + j]);
    const Eigen::VectorXd log_g = log_a.rowwise().mean();
    Eigen::MatrixXd b(idx(n), idx(n));
    for (Eigen::Index i = 0; i < b.rows(); ++i)
        for (Eigen::Index j = 0; j < b.cols(); ++j)
            b(i, j) = std::exp(log_a(i, j) + log_g(j) - log_g(i));
    const auto too_wide = [] {
        return error(errc::out_of_range,
                     "the judgements span too wide a range for their weights to be computed in "
                     "double precision");
    };
    if (!b.allFinite())
        throw too_wide();

    Eigen::VectorXd log_w = log_g;
    double lambda = static_cast<double>(n);
    if (n == 1) {
        // One criterion: weight 1.
    } else if (method == AhpMethod::eigen) {
        // Perron–Frobenius: a positive matrix has a simple real eigenvalue of largest modulus
        // with a positive eigenvector; it is also the one with the largest real part.
        // Divided by its largest cell too, so that even a matrix inconsistent by factors of
        // 1e200 (B's cells that large) keeps the solver's products finite; λ scales back.
        const double scale = b.maxCoeff();
        const Eigen::EigenSolver<Eigen::MatrixXd> es(b / scale, true);
        if (es.info() != Eigen::Success)
            throw error(errc::internal, "the eigenvalue solver did not converge");
        Eigen::Index k = 0;
        for (Eigen::Index i = 1; i < es.eigenvalues().size(); ++i)
            if (es.eigenvalues()(i).real() > es.eigenvalues()(k).real())
                k = i;
        lambda = es.eigenvalues()(k).real() * scale;
        log_w += es.eigenvectors().col(k).real().cwiseAbs().array().log().matrix();
    } else {
        // Crawford & Williams (1985): the row geometric means. λmax estimated as the mean of
        // (Aw)_i / w_i, which with w = g is the mean row sum of B.
        lambda = b.rowwise().sum().mean();
    }
    Eigen::VectorXd w = (log_w.array() - log_w.maxCoeff()).exp().matrix();
    w /= w.sum();
    if (!log_w.allFinite() || !w.allFinite() || (w.array() <= 0).any() || !std::isfinite(lambda))
        throw too_wide();

    Ahp r;
    r.weights.assign(w.data(), w.data() + w.size());
    r.lambda_max = lambda;
    r.ri = ri;
    r.table = table;
    r.table_name = ri_table_name(table);
    r.method = method;
    if (n <= 2) {
        // Every 1×1 and 2×2 reciprocal matrix is consistent: λmax = n exactly.
        r.lambda_max = static_cast<double>(n);
        r.ci = 0;
        r.cr = 0;
    } else {
        // λmax ≥ n for every positive reciprocal matrix; a negative CI is rounding noise.
        r.ci = std::max(0.0, (lambda - static_cast<double>(n)) / static_cast<double>(n - 1));
        r.cr = r.ci / ri;
    }
    r.consistent = r.cr < 0.10;
    if (!r.consistent) {
        double worst = -1;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                const double e = std::fabs(log_a(idx(i), idx(j)) + log_w(idx(j)) - log_w(idx(i)));
                if (e > worst) {
                    worst = e;
                    r.worst = std::make_pair(i, j);
                }
            }
    }
    return r;
}

} // namespace satisfaction
PLAINT_END_NAMESPACE
