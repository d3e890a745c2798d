import type { Db } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/server/db/generated/sqlite/client";

type Read = { startsAt?: { gt?: Date; gte?: Date; lt?: Date } };

/** The parameter that follows the SQL text `before` in a query, or undefined. */
function parameterAfter(sql: Prisma.Sql, before: string): unknown {
  const index = sql.strings.findIndex((text) => text.trimEnd().endsWith(before));
  return index >= 0 ? sql.values[index] : undefined;
}

/**
 * The client with its reads of bookings for availability recorded (their bounds on `startsAt`), the rest untouched:
 * typed `booking.findMany` calls (their `where`) and the availability read in SQL (`occupancySql`), whose
 * companion read of the same bookings' further services is not counted.
 */
export function countingReads(db: Db) {
  const reads: Read[] = [];
  const bookings = new Proxy(db.booking, {
    get(target, key) {
      if (key === "findMany") {
        return (args: { where: Read }) => {
          reads.push(args.where);
          return target.findMany(args as Parameters<typeof target.findMany>[0]);
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const queryRaw = (sql: Prisma.Sql) => {
    if (sql.strings.join("?").includes('AS "extra"')) {
      reads.push({
        startsAt: {
          gt: parameterAfter(sql, 'b."startsAt" >') as Date,
          lt: parameterAfter(sql, 'b."startsAt" <') as Date,
        },
      });
    }
    return db.$queryRaw(sql);
  };
  const counted = new Proxy(db, {
    get(target, key) {
      if (key === "booking") return bookings;
      if (key === "$queryRaw") return queryRaw;
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: counted as Db, reads };
}
