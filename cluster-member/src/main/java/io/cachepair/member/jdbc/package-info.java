/** What both services' JDBC repositories share. */
package io.cachepair.member.jdbc;
