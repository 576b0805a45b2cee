/** Folders a test may write to. */
package io.cachepair.testsupport.files;
