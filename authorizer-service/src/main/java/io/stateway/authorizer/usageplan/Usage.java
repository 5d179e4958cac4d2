package io.stateway.authorizer.usageplan;

import java.util.List;
import java.util.Map;

/**
 * AWS's {@code GetUsage} answer: for each key, one {@code [used, remaining]} pair per day from
 * {@code startDate} to {@code endDate}; {@code remaining} is what the quota leaves for the rest of
 * that day's period after that day, or null when the plan has no quota.
 *
 * @param usagePlanId the plan
 * @param startDate first day (UTC), {@code yyyy-MM-dd}
 * @param endDate last day (UTC), inclusive
 * @param items per key id, the days' pairs
 */
public record Usage(String usagePlanId, String startDate, String endDate, Map<String, List<List<Long>>> items) {}
