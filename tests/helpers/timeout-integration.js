// Databases on both providers: generous, since the machine may be busy (Jest reads testTimeout only at the top level).
jest.setTimeout(120000);
