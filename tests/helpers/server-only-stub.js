// The 'server-only' marker throws outside React Server Components; tests import server modules directly.
module.exports = {};
