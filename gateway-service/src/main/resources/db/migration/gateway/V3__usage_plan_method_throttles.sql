-- Per-method throttles of a usage plan's API stage (AWS's apiStages[].throttle), as JSON:
-- {"/pets/GET": {"rateLimit": 10.0, "burstLimit": 20}}.
ALTER TABLE usage_plan_stage ADD COLUMN method_throttles text NOT NULL DEFAULT '{}';
