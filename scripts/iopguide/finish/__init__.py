"""What is made from a built site: embeds, feed, CSP, _headers, robots, page fixes."""
