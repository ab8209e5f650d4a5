/// @file plaint.hpp
/// The whole C++ API of plaint, the complaint-handling library for property management.
#pragma once

#include "plaint/aggregate.hpp"
#include "plaint/calendar.hpp"
#include "plaint/complaint.hpp"
#include "plaint/enums.hpp"
#include "plaint/error.hpp"
#include "plaint/ledger.hpp"
#include "plaint/people.hpp"
#include "plaint/performance.hpp"
#include "plaint/profile.hpp"
#include "plaint/report.hpp"
#include "plaint/rules.hpp"
#include "plaint/satisfaction.hpp"
#include "plaint/sla.hpp"
#include "plaint/snapshot.hpp"
#include "plaint/survey.hpp"
#include "plaint/time.hpp"
#include "plaint/workflow.hpp"
