-- The same item every time: after the first request, every one is a response cache hit.
wrk.headers["x-client"] = "wrk"
wrk.path = "/bench/items?id=hot"
