// Key-driver analysis (issue 5): least squares of the overall score on the dimension scores,
// solved on standardised columns so that the rank test and the standardised coefficients come
// from the same, well-scaled matrix.
#include "plaint/error.hpp"
#include "plaint/satisfaction.hpp"

#include "satisfaction_detail.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <string>

PLAINT_BEGIN_NAMESPACE
namespace satisfaction {

namespace {

// A column whose residual after the columns before it is below this share of its norm counts
// as a linear combination of them (a variance-inflation factor above about 10¹⁶ — beyond what
// double precision can separate from exact collinearity).
constexpr double rank_threshold = 1e-8;

using Index = Eigen::Index;

} // namespace

KeyDrivers key_drivers(const double* overall, const double* const* dims, std::size_t n_dims,
                       std::size_t n) {
    if (overall == nullptr || dims == nullptr)
        throw error(errc::invalid_argument, "overall or dims is NULL");
    if (n_dims == 0)
        throw error(errc::invalid_argument, "key-driver analysis needs at least one dimension");
    for (std::size_t j = 0; j < n_dims; ++j)
        if (dims[j] == nullptr)
            throw error(errc::invalid_argument, "dimension " + std::to_string(j) + " is NULL");
    if (n <= n_dims + 1)
        throw error(errc::invalid_argument, "too few responses: " + std::to_string(n) +
                                                " responses for " + std::to_string(n_dims) +
                                                " dimensions; a regression needs at least " +
                                                std::to_string(n_dims + 2));
    for (std::size_t r = 0; r < n; ++r)
        if (!std::isfinite(overall[r]))
            throw error(errc::invalid_argument, "overall score of row " + std::to_string(r) +
                                                    " is " + detail::num(overall[r]) +
                                                    ", not a finite number");
    for (std::size_t j = 0; j < n_dims; ++j)
        for (std::size_t r = 0; r < n; ++r)
            if (!std::isfinite(dims[j][r]))
                throw error(errc::invalid_argument,
                            "dimension " + std::to_string(j) + ", row " + std::to_string(r) +
                                " is " + detail::num(dims[j][r]) + ", not a finite number");

    const auto rows = static_cast<Index>(n);
    const auto cols = static_cast<Index>(n_dims);
    const double dn = static_cast<double>(n);

    // Centre and scale each column; a constant one (sd zero, or below rounding noise relative to
    // its level) cannot explain anything.
    auto standardise = [&](const double* x, Eigen::Ref<Eigen::VectorXd> z, double& mean,
                           double& sd) {
        const Eigen::Map<const Eigen::VectorXd> v(x, rows);
        mean = v.mean();
        z = v.array() - mean;
        sd = std::sqrt(z.squaredNorm() / (dn - 1));
        if (!(sd > 1e-12 * std::max(1.0, std::fabs(mean))))
            return false;
        z /= sd;
        return true;
    };
    Eigen::VectorXd zy(rows);
    double mean_y = 0, sd_y = 0;
    if (!standardise(overall, zy, mean_y, sd_y))
        throw error(errc::invalid_argument, "the overall score is constant; nothing to explain");
    Eigen::MatrixXd z(rows, cols);
    Eigen::VectorXd mean_x(cols), sd_x(cols);
    for (Index j = 0; j < cols; ++j)
        if (!standardise(dims[j], z.col(j), mean_x(j), sd_x(j)))
            throw error(errc::invalid_argument,
                        "dimension " + std::to_string(j) + " is constant; it cannot be a driver");

    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(z);
    qr.setThreshold(rank_threshold);
    if (qr.rank() < cols) {
        // Name the first dimension that adds nothing to the ones before it.
        for (Index j = 1; j < cols; ++j) {
            Eigen::ColPivHouseholderQR<Eigen::MatrixXd> part(z.leftCols(j + 1));
            part.setThreshold(rank_threshold);
            if (part.rank() <= j)
                throw error(errc::invalid_argument,
                            "dimension " + std::to_string(j) +
                                " is a linear combination of the dimensions before it "
                                "(collinear); drop or merge it");
        }
        throw error(errc::invalid_argument, "the dimensions are collinear"); // not reached
    }
    const Eigen::VectorXd beta = qr.solve(zy);
    const Eigen::VectorXd r = z.transpose() * zy / (dn - 1);
    const double sst = zy.squaredNorm();
    const double r2 = std::max(0.0, 1 - (zy - z * beta).squaredNorm() / sst);

    KeyDrivers out;
    out.n = n;
    out.r_squared = r2;
    out.intercept = mean_y;
    for (Index j = 0; j < cols; ++j) {
        const double b = beta(j) * sd_y / sd_x(j);
        out.coefficients.push_back(b);
        out.standardized.push_back(beta(j));
        out.correlations.push_back(r(j));
        out.importance.push_back(r2 > 0 ? beta(j) * r(j) / r2 : detail::nan);
        out.intercept -= b * mean_x(j);
    }
    return out;
}

} // namespace satisfaction
PLAINT_END_NAMESPACE
