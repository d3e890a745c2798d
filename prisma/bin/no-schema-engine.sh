#!/bin/sh
echo "This project does not use Prisma's native schema engine. Use: npm run db:migrate (apply) or npm run db:migrate:create -- <name> (create)." >&2
exit 1
