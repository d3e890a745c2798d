// A browser against the built app: generous, since the machine may be busy (Jest reads testTimeout only at the top level).
jest.setTimeout(180000);
